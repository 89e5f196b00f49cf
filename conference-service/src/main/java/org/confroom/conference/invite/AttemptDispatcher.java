package org.confroom.conference.invite;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.action.Originate;
import org.confroom.ami.event.OriginateResponseEvent;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.config.ConfroomConfig;
import org.confroom.conference.pbx.PbxConnection;
import org.confroom.conference.pbx.PbxRegistry;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * The dispatcher of the configured PBX. A round (on the {@link AttemptWorker} thread, every
 * {@code confroom.attempts.dispatch-interval}, after each committed invite, after each final state, and
 * when a retry is due) first reconciles what needs it, then claims due QUEUED attempts in priority
 * order within the caps ({@link AttemptQueue#claim}) and only after that commit sends one asynchronous
 * Originate per claimed attempt. Nothing is claimed while the PBX is not connected.
 *
 * <p>At start it registers its AMI listeners before the connection opens, and every attempt that was on
 * the PBX is reconciled at the first READY; attempts that were DIALING are flagged outcome unknown and
 * never sent again.
 */
@ApplicationScoped
public class AttemptDispatcher {
    private static final System.Logger LOG = System.getLogger(AttemptDispatcher.class.getName());

    @Inject
    ConfroomConfig config;

    @Inject
    AttemptsConfig attemptsConfig;

    @Inject
    PbxConnection connection;

    @Inject
    PbxRegistry registry;

    @Inject
    DialSettingsSource settings;

    @Inject
    AttemptQueue queue;

    @Inject
    AttemptWorker worker;

    @Inject
    CallTracker tracker;

    @Inject
    AttemptLifecycle lifecycle;

    @Inject
    AttemptReconciler reconciler;

    @Inject
    AttemptEventListener listener;

    @Inject
    DispatchTimings timings;

    private final AtomicBoolean roundRequested = new AtomicBoolean();
    private volatile Long pbxId;

    void onStart(@Observes @Priority(50) StartupEvent e) {
        settings.current(); // a malformed prefix or dial template fails the start, naming its key
        if (!config.pbx().enabled()) {
            return;
        }
        connection.addListener(listener);
        connection.addConnectionListener(listener);
        worker.execute("recover attempts on the PBX", this::recoverAttemptsOnPbx);
        worker.every("dispatch tick", attemptsConfig.dispatchInterval(), this::round);
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttemptQueued queued) {
        requestRound();
    }

    /** Asks for a dispatch round soon; requests made while one is pending are folded into it. */
    public void requestRound() {
        if (roundRequested.compareAndSet(false, true)) {
            worker.execute("dispatch round", () -> {
                roundRequested.set(false);
                round();
            });
        }
    }

    /** Asks for a dispatch round at a given time (a retry's {@code not_before}). */
    public void requestRoundAt(Instant at) {
        worker.schedule("dispatch round for a retry", Duration.between(Instant.now(), at), this::requestRound);
    }

    /** @return the id of the PBX row this dispatcher serves */
    public long pbxId() {
        Long id = pbxId;
        if (id == null) {
            id = registry.defaultPbxId();
            pbxId = id;
        }
        return id;
    }

    /**
     * Takes over the attempts a previous process left on the PBX (run once at start on the worker
     * thread): those DIALING are flagged outcome unknown, all are reconciled at the next round while
     * connected, none is sent again.
     */
    void recoverAttemptsOnPbx() {
        List<UUID> onPbx = queue.onPbxAfterStart(pbxId());
        onPbx.forEach(id -> tracker.track(id).needsReconcile(true));
        if (!onPbx.isEmpty()) {
            LOG.log(Level.INFO, onPbx.size() + " call attempts were on the PBX at start; reconciling them when connected");
        }
    }

    /** One round: reconcile what needs it, then claim and send. Runs on the worker thread. */
    void round() {
        if (!connection.ready()) {
            return;
        }
        reconciler.reconcileDue();
        DialSettings s = settings.current();
        long start = System.nanoTime();
        List<ClaimedCall> claimed = queue.claim(pbxId(), s, Instant.now());
        long claimedAt = System.nanoTime();
        if (!claimed.isEmpty()) {
            timings.claimed(claimedAt - start);
        }
        for (ClaimedCall c : claimed) {
            long sendStart = System.nanoTime();
            if (send(c, s)) {
                long now = System.nanoTime();
                timings.sent(now - sendStart);
                timings.handedOver(now - claimedAt);
            }
        }
    }

    /** @return true when the Originate was handed to the AMI client (not refused before) */
    private boolean send(ClaimedCall c, DialSettings s) {
        TrackedCall call = tracker.track(c.id());
        call.originatePending(true);
        CompletableFuture<OriginateResponseEvent> outcome;
        boolean handedOver = false;
        try {
            Originate o = OriginateFactory.build(c, s);
            outcome = connection.client().originate(o, s.ringTimeout().plus(s.actionTimeout()));
            handedOver = !outcome.isCompletedExceptionally(); // failed at once: not connected, or not encodable
            LOG.log(Level.DEBUG, () -> "sent " + o + " for attempt " + c.id());
        } catch (PbxCommandException e) {
            outcome = CompletableFuture.failedFuture(new AmiNotConnectedException(e.getMessage()));
        } catch (RuntimeException e) {
            // an Originate that cannot be built (bad template result, refused value) is never sent
            outcome = CompletableFuture.failedFuture(new IllegalArgumentException(
                    "the Originate could not be built: " + e.getMessage(), e));
        }
        outcome.whenComplete((response, error) -> worker.execute("Originate outcome of " + c.id(),
                () -> lifecycle.originateCompleted(c.id(), response, error)));
        return handedOver;
    }
}
