package org.confroom.conference.merge;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.confroom.ami.action.BridgeList;
import org.confroom.ami.action.CoreShowChannels;
import org.confroom.ami.client.AmiEventListener;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.BridgeDestroyEvent;
import org.confroom.ami.event.BridgeEnterEvent;
import org.confroom.ami.event.BridgeLeaveEvent;
import org.confroom.ami.event.BridgeListItemEvent;
import org.confroom.ami.event.CoreShowChannelEvent;
import org.confroom.ami.event.HangupEvent;
import org.confroom.conference.live.DaemonThreadFactory;
import org.confroom.conference.live.ListenerRegistry;
import org.confroom.conference.live.ResyncJournal;
import org.confroom.conference.pbx.PbxConnection;
import org.confroom.conference.pbx.PbxGateway;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The live two-party calls on the PBX (two channels in one basic bridge, transcript 10), the ones an
 * operator can merge into a room. Built from {@code CoreShowChannels} + {@code BridgeList} on every
 * connect and whenever events were lost, and kept current from {@code BridgeEnter}, {@code BridgeLeave},
 * {@code BridgeDestroy} and {@code Hangup}. Events that arrive while the lists are read are applied again
 * on top of them. {@link #stale()} is true until the lists of the current session are read.
 */
@ApplicationScoped
public class LiveCalls {
    private static final System.Logger LOG = System.getLogger(LiveCalls.class.getName());
    private static final long RETRY_MILLIS = 1000;
    /** Queued call lists per subscriber before it only gets the latest one. */
    private static final int SUBSCRIBER_CAPACITY = 1_000;

    @Inject
    PbxConnection connection;

    @Inject
    PbxGateway gateway;

    private final Object lock = new Object();
    private final BridgeTracker tracker = new BridgeTracker();
    private final ResyncJournal<BridgeTracker> journal = new ResyncJournal<>();
    private volatile List<LiveCall> calls = List.of();
    private volatile boolean stale = true;
    private ScheduledExecutorService worker;
    private ExecutorService deliveries;
    private ListenerRegistry<List<LiveCall>> listeners;

    @PostConstruct
    void init() {
        worker = Executors.newSingleThreadScheduledExecutor(new DaemonThreadFactory("confroom-calls"));
        deliveries = Executors.newCachedThreadPool(new DaemonThreadFactory("confroom-calls-listeners"));
        listeners = new ListenerRegistry<>("live calls", deliveries, SUBSCRIBER_CAPACITY, dropped -> calls);
    }

    /** Registers with the PBX connection before it connects. */
    void onStart(@Observes @Priority(50) StartupEvent event) {
        connection.addListener(new Router());
        connection.addConnectionListener(change -> {
            stale = true;
            if (change.state() == ConnectionState.READY) {
                resync();
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        deliveries.shutdownNow();
    }

    /** @return the live two-party calls, in the order their bridges appeared */
    public List<LiveCall> calls() {
        return calls;
    }

    /** @return the call with this id (its bridge id) */
    public Optional<LiveCall> call(String id) {
        return calls.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** @return the call this channel is a party of */
    public Optional<LiveCall> callOf(String channel) {
        return calls.stream().filter(c -> c.has(channel)).findFirst();
    }

    /**
     * Subscribes to changes of the list. Each delivery is the whole list after a change (events that
     * change nothing visible are not delivered); a subscriber that falls behind gets the current list
     * instead of the ones it missed.
     *
     * @param listener gets the lists in order, on a delivery thread (never the AMI event thread)
     * @return a handle that ends the subscription
     */
    public ListenerRegistry.Subscription subscribe(Consumer<? super List<LiveCall>> listener) {
        return listeners.subscribe(listener);
    }

    /** @return true while the list may be out of date (not connected, or not yet read in this session) */
    public boolean stale() {
        return stale;
    }

    /**
     * Reads the calls from the PBX again; resyncs run one at a time on this service's worker thread.
     *
     * @return completes with the calls once the lists are applied; fails when they could not be read
     *     (then a retry follows in a second while connected)
     */
    public CompletableFuture<List<LiveCall>> resync() {
        return CompletableFuture.supplyAsync(this::readAndApply, worker);
    }

    private List<LiveCall> readAndApply() {
        synchronized (lock) {
            journal.begin();
        }
        Instant at = Instant.now();
        try {
            CompletableFuture<AmiResponse> channels = gateway.sendAsync(new CoreShowChannels(), gateway.defaultTimeout());
            CompletableFuture<AmiResponse> bridges = gateway.sendAsync(BridgeList.all(), gateway.defaultTimeout());
            List<CoreShowChannelEvent> c = channels.join().items(CoreShowChannelEvent.class);
            List<BridgeListItemEvent> b = bridges.join().items(BridgeListItemEvent.class);
            synchronized (lock) {
                journal.end(tracker, t -> t.applyListing(b, c, at));
                publishLocked();
                stale = !connection.ready();
            }
            return calls;
        } catch (RuntimeException e) {
            synchronized (lock) {
                journal.end(tracker, null);
            }
            LOG.log(Level.WARNING, "reading the live calls failed: " + e.getMessage());
            worker.schedule(this::resyncIfConnected, RETRY_MILLIS, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    private void resyncIfConnected() {
        if (connection.ready() && stale) {
            readAndApply();
        }
    }

    private void mutate(Consumer<BridgeTracker> change) {
        synchronized (lock) {
            change.accept(tracker);
            journal.record(change);
            publishLocked();
        }
    }

    private void publishLocked() {
        List<LiveCall> now = List.copyOf(tracker.calls());
        if (!now.equals(calls)) {
            calls = now;
            listeners.publish(List.of(now));
        }
    }

    /** Bridge and hangup events; runs on the AMI event thread, in-memory only. */
    private final class Router implements AmiEventListener {
        @Override
        public void onEvent(AmiEvent event) {
            Instant at = Instant.now();
            if (event instanceof BridgeEnterEvent enter) {
                mutate(t -> t.entered(enter, at));
            } else if (event instanceof BridgeLeaveEvent leave) {
                mutate(t -> t.left(leave.channel()));
            } else if (event instanceof BridgeDestroyEvent destroy) {
                mutate(t -> t.destroyed(destroy.bridgeUniqueid()));
            } else if (event instanceof HangupEvent hangup) {
                mutate(t -> t.left(hangup.channel()));
            }
        }

        @Override
        public void onEventsLost(long lost, long totalLost) {
            stale = true;
            resync();
        }
    }
}
