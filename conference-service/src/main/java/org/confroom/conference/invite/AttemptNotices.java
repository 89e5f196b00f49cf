package org.confroom.conference.invite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.confroom.conference.live.ListenerRegistry;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Tells subscribers (pages that show attempts) which call attempts changed, once the change is
 * committed: the writers of {@code call_attempt} call {@link #changed} inside their transaction, and
 * the notices of a transaction are published after it commits (none after a rollback), so a reader
 * woken by a notice sees the new row. Outside a transaction a notice is published at once.
 * Subscribers get their notices through their own bounded queue ({@link ListenerRegistry}).
 */
@ApplicationScoped
public class AttemptNotices {
    private static final int SUBSCRIBER_CAPACITY = 10_000;
    private static final Object PENDING = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    private ExecutorService deliveries;
    private ListenerRegistry<AttemptNotice> listeners;

    @PostConstruct
    void init() {
        deliveries = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "confroom-attempt-notices");
            t.setDaemon(true);
            return t;
        });
        listeners = new ListenerRegistry<>("attempt notices", deliveries, SUBSCRIBER_CAPACITY, AttemptNotice.Dropped::new);
    }

    @PreDestroy
    void stop() {
        deliveries.shutdownNow();
    }

    /**
     * @param listener gets the notices of committed changes, in commit order, on a delivery thread
     * @return a handle that ends the subscription
     */
    public ListenerRegistry.Subscription subscribe(Consumer<? super AttemptNotice> listener) {
        return listeners.subscribe(listener);
    }

    /** Notes that the attempt was created or changed in the current transaction (published after its commit). */
    public void changed(CallAttempt attempt) {
        AttemptNotice notice = new AttemptNotice.Changed(attempt.id, attempt.roomId, attempt.state());
        if (transactions.getTransactionKey() == null) {
            listeners.publish(List.of(notice));
            return;
        }
        @SuppressWarnings("unchecked")
        List<AttemptNotice> pending = (List<AttemptNotice>) transactions.getResource(PENDING);
        if (pending == null) {
            List<AttemptNotice> created = new ArrayList<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before: only committed changes are told
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        listeners.publish(created);
                    }
                }
            });
            pending = created;
        }
        pending.add(notice);
    }
}
