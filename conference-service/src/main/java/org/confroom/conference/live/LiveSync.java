package org.confroom.conference.live;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Decides when the live state is read from the PBX, and reads one listing at a time:
 *
 * <pre>
 *   READY / events lost / resync() --&gt; full resync wanted
 *   every roomPollInterval:  stale or full wanted? --&gt; FULL: ListRooms + List of every room + CoreShowChannels
 *                            else                  --&gt; POLL: ListRooms (lock, parties, marked);
 *                                                          List + CoreShowChannels only for rooms that drifted
 *   listing failed --&gt; a full one is wanted again, retried at the next tick (while connected)
 * </pre>
 *
 * Everything here runs on the single worker thread, so its fields need no lock. Only a full listing
 * that began and ended in the same session (no reconnect in between) makes the state fresh.
 */
final class LiveSync {
    private static final System.Logger LOG = System.getLogger(LiveSync.class.getName());

    private final LiveRooms rooms;
    private final PbxListingReader reader;
    private final ScheduledExecutorService worker;
    private final BooleanSupplier connected;
    private final List<CompletableFuture<LiveSnapshot>> waiting = new ArrayList<>();
    private boolean inFlight;
    private boolean fullWanted;
    private long session;

    /**
     * @param rooms the state to update
     * @param reader reads listings
     * @param worker the single thread that runs this
     * @param connected true while actions can be sent
     */
    LiveSync(LiveRooms rooms, PbxListingReader reader, ScheduledExecutorService worker, BooleanSupplier connected) {
        this.rooms = rooms;
        this.reader = reader;
        this.worker = worker;
        this.connected = connected;
    }

    /** Starts the periodic poll. */
    void start(Duration interval) {
        long ms = Math.max(50, interval.toMillis());
        worker.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** A new session began (first connect or reconnect): everything may have changed. */
    void newSession() {
        worker.execute(() -> {
            session++;
            fullWanted = true;
            startNext();
        });
    }

    /** @return completes with the snapshot after the next full resync has been applied */
    CompletableFuture<LiveSnapshot> requestFull() {
        CompletableFuture<LiveSnapshot> done = new CompletableFuture<>();
        worker.execute(() -> {
            fullWanted = true;
            waiting.add(done);
            startNext();
        });
        return done;
    }

    private void tick() {
        if (rooms.status().stale()) {
            fullWanted = true;
        }
        startNext();
    }

    private void startNext() {
        if (inFlight || !connected.getAsBoolean()) {
            return;
        }
        boolean full = fullWanted;
        fullWanted = false;
        List<CompletableFuture<LiveSnapshot>> completing = full ? List.copyOf(waiting) : List.of();
        waiting.removeAll(completing);
        long startedIn = session;
        inFlight = true;
        rooms.beginListing();
        reader.read(full ? room -> true : rooms::drifted).whenCompleteAsync((listing, failure) -> {
            inFlight = false;
            if (failure == null) {
                boolean sameSession = startedIn == session;
                rooms.endListing(listing, full && sameSession);
                if (sameSession) {
                    LiveSnapshot now = rooms.snapshot();
                    completing.forEach(f -> f.complete(now));
                } else {
                    // a reconnect happened meanwhile: its own full resync answers them
                    waiting.addAll(completing);
                }
                if (fullWanted) {
                    startNext();
                }
            } else {
                rooms.endListing(null, false);
                LOG.log(Level.WARNING, (full ? "live state resync" : "room poll") + " failed, retrying at the next poll: "
                        + failure.getMessage());
                fullWanted |= full;
                waiting.addAll(completing);
            }
        }, worker);
    }
}
