package org.confroom.conference.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.confroom.ami.client.ConnectionState;
import org.confroom.conference.config.ConfroomConfig;
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
 * The live state of every conference on the PBX: members, lock, recording, and whether the state is
 * fresh. Built from {@code Confbridge*} and {@code Hangup} events, corrected by listings: a full
 * resynchronisation on every connect and reconnect (after an Asterisk restart everything is gone) and
 * whenever events were lost, and a {@code ConfbridgeListRooms} poll every
 * {@code confroom.pbx.room-poll-interval} that picks up lock changes (Asterisk emits no event for them)
 * and drift. Events that arrive while a listing is read are applied again on top of it, so a join or
 * leave during a resync is never undone by an older list.
 *
 * <p>Reads are lock-free ({@link #snapshot()} is an immutable value), except the first snapshot after a
 * change, which copies the rooms under the lock: a change costs O(log rooms + members of its room), not a
 * copy of every room, so 1,000 rooms and a 20,000 events/s flood stay cheap on the AMI event thread. Subscribers get typed
 * {@link LiveChange}s through their own queue on an executor: they can never block the AMI event thread.
 */
@ApplicationScoped
public class LiveRooms {
    /** Room numbers in numeric order (no leading zeros in room numbers): shorter first, then by digits. */
    static final Comparator<String> NUMBER_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());
    /** Queued changes per subscriber before it is told to start again from a snapshot. */
    private static final int SUBSCRIBER_CAPACITY = 10_000;

    @Inject
    PbxConnection connection;

    @Inject
    PbxGateway gateway;

    @Inject
    ConfroomConfig config;

    private final Object lock = new Object();
    private final LiveState state = new LiveState();
    /** The rooms as last published, in number order (kept sorted: no sort per change at 1,000 rooms). */
    private final Map<String, LiveRoom> published = new TreeMap<>(NUMBER_ORDER);
    private final ResyncJournal<LiveState> journal = new ResyncJournal<>();
    private volatile PbxStatus status = new PbxStatus(ConnectionState.NEW, true, "not connected to the PBX yet", Instant.now());
    private Instant changedAt = Instant.now();
    /** Built on first read after a change (a copy of every room costs O(rooms)); null while out of date. */
    private volatile LiveSnapshot snapshot;
    private ExecutorService deliveries;
    private ScheduledExecutorService worker;
    private ListenerRegistry<LiveChange> listeners;
    private LiveSync sync;

    @PostConstruct
    void init() {
        deliveries = Executors.newCachedThreadPool(new DaemonThreadFactory("confroom-live-listeners"));
        worker = Executors.newSingleThreadScheduledExecutor(new DaemonThreadFactory("confroom-live"));
        listeners = new ListenerRegistry<>("live rooms", deliveries, SUBSCRIBER_CAPACITY,
                dropped -> new LiveChange.ChangesDropped(dropped, snapshot()));
        sync = new LiveSync(this, new PbxListingReader(gateway, worker), worker, connection::ready);
    }

    /** Registers with the PBX connection before it connects (it starts at priority 100). */
    void onStart(@Observes @Priority(50) StartupEvent event) {
        LiveEventRouter router = new LiveEventRouter(this);
        connection.addListener(router);
        connection.addConnectionListener(router);
        setStatus(connection.state(), connection.health().detail());
        sync.start(config.pbx().roomPollInterval());
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        deliveries.shutdownNow();
    }

    /** @return every live conference and the PBX status, as of the last change */
    public LiveSnapshot snapshot() {
        LiveSnapshot s = snapshot;
        if (s != null) {
            return s;
        }
        synchronized (lock) {
            if (snapshot == null) {
                snapshot = new LiveSnapshot(published, status, changedAt);
            }
            return snapshot;
        }
    }

    /** @return the live conference with this number, if it exists (as far as we know) */
    public Optional<LiveRoom> room(String number) {
        LiveSnapshot s = snapshot;
        if (s != null) {
            return s.room(number);
        }
        synchronized (lock) {
            return Optional.ofNullable(published.get(number));
        }
    }

    /** @return the PBX connection status and whether the state is fresh */
    public PbxStatus status() {
        return status;
    }

    /**
     * Subscribes to changes. Take {@link #snapshot()} after subscribing and apply the changes on top;
     * a change may already be in the snapshot (apply them idempotently, by channel and room number).
     *
     * @param listener gets every change in order, on a delivery thread (never the AMI event thread); a
     *     subscriber that falls 10,000 changes behind gets {@link LiveChange.ChangesDropped} instead
     * @return a handle that ends the subscription
     */
    public ListenerRegistry.Subscription subscribe(Consumer<? super LiveChange> listener) {
        return listeners.subscribe(listener);
    }

    /**
     * Records a lock state that we set ourselves: Asterisk emits no event for it, and the poll would show
     * it only later. Ignored for a conference that is not live.
     */
    public void lockChanged(String number, boolean locked) {
        mutate(s -> s.locked(number, locked));
    }

    /**
     * Reads the whole state from the PBX again now (it also happens on every connect and when events are lost).
     *
     * @return completes with the snapshot once the resync is applied (waits for a connection if there is none)
     */
    public CompletableFuture<LiveSnapshot> resync() {
        return sync.requestFull();
    }

    /** Applies a change to the state and publishes what it changed. */
    void mutate(Consumer<LiveState> change) {
        synchronized (lock) {
            change.accept(state);
            journal.record(change);
            publishLocked(false);
        }
    }

    /** @return true when the conference needs its members read: unknown, or its counts differ from ours */
    boolean drifted(PbxListing.RoomListing listed) {
        synchronized (lock) {
            String n = listed.number();
            return !state.hasRoom(n) || listed.parties() != state.expectedParties(n)
                    || (listed.marked() >= 0 && listed.marked() != state.markedCount(n));
        }
    }

    /** A listing is about to be asked for: from now on changes are journaled. */
    void beginListing() {
        synchronized (lock) {
            journal.begin();
        }
    }

    /**
     * A listing was read (or failed: null). Applies it, then the changes journaled meanwhile.
     *
     * @param fresh true for a full listing of the current session: the state is no longer stale
     */
    void endListing(PbxListing listing, boolean fresh) {
        synchronized (lock) {
            journal.end(state, listing == null ? null : s -> s.applyListing(listing));
            boolean statusChanged = false;
            if (fresh && status.state() == ConnectionState.READY && status.stale()) {
                status = new PbxStatus(ConnectionState.READY, false, connection.health().detail(), Instant.now());
                statusChanged = true;
            }
            publishLocked(statusChanged);
        }
    }

    /** The connection is (again) logged in: read everything. */
    void connected() {
        setStatus(ConnectionState.READY, "connected; reading the live state from the PBX");
        sync.newSession();
    }

    /** The connection is gone or not ready: keep the last state, marked stale. */
    void disconnected(ConnectionState state) {
        setStatus(state, connection.health().detail());
    }

    /** The AMI client dropped events: the state may be wrong until the resync. */
    void eventsLost(long lost) {
        markStale(lost + " AMI events were lost; reading the live state again");
        sync.requestFull();
    }

    /** Marks the state stale with a reason, keeping the connection state. */
    void markStale(String detail) {
        synchronized (lock) {
            setStatusLocked(status.state(), detail);
        }
    }

    private void setStatus(ConnectionState state, String detail) {
        synchronized (lock) {
            setStatusLocked(state, detail);
        }
    }

    private void setStatusLocked(ConnectionState state, String detail) {
        status = new PbxStatus(state, true, detail, Instant.now());
        publishLocked(true);
    }

    private void publishLocked(boolean statusChanged) {
        Set<String> dirty = state.drainDirty();
        if (dirty.isEmpty() && !statusChanged) {
            return;
        }
        List<LiveChange> changes = new ArrayList<>();
        for (String number : dirty) {
            LiveRoom after = state.view(number);
            changes.addAll(LiveDiff.between(published.get(number), after));
            if (after == null) {
                published.remove(number);
            } else {
                published.put(number, after);
            }
        }
        if (statusChanged) {
            changes.add(new LiveChange.ConnectionChanged(status));
        }
        changedAt = Instant.now();
        snapshot = null;
        listeners.publish(changes);
    }
}
