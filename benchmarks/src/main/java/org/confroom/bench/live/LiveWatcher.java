package org.confroom.bench.live;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.confroom.ami.client.ConnectionState;
import org.confroom.conference.live.ListenerRegistry;
import org.confroom.conference.live.LiveChange;
import org.confroom.conference.live.LiveRoom;
import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.live.LiveSnapshot;

/**
 * A subscriber of the service's live state that notes when each member's {@link LiveChange.MemberJoined}
 * reached it ({@link System#nanoTime()}, by channel): the end of the event-to-live-state lag.
 */
public final class LiveWatcher implements AutoCloseable {
    private final LiveRooms rooms;
    private final Map<String, Long> joined = new HashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final ListenerRegistry.Subscription subscription;

    /** Subscribes. */
    public LiveWatcher(LiveRooms rooms) {
        this.rooms = rooms;
        this.subscription = rooms.subscribe(this::onChange);
    }

    private void onChange(LiveChange c) {
        long now = System.nanoTime();
        changes.incrementAndGet();
        if (c instanceof LiveChange.MemberJoined j && j.member().joined()) {
            synchronized (joined) {
                joined.putIfAbsent(j.member().channel(), now);
            }
        } else if (c instanceof LiveChange.MemberUpdated u && u.member().joined()) {
            synchronized (joined) {
                joined.putIfAbsent(u.member().channel(), now);
            }
        } else if (c instanceof LiveChange.ChangesDropped d) {
            dropped.addAndGet(d.dropped());
        }
    }

    /** Waits until the state is fresh (connected and the first full listing applied). */
    public void awaitFresh(long timeoutMillis) throws InterruptedException, TimeoutException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            LiveSnapshot s = rooms.snapshot();
            if (s.pbx().state() == ConnectionState.READY && !s.stale()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new TimeoutException("live state not fresh after " + timeoutMillis + " ms: " + s.pbx().detail());
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until the live state holds exactly these rooms with these member counts and every join was seen.
     *
     * @return the counts when they matched
     * @throws TimeoutException naming how far it got
     */
    public Map<String, Integer> awaitRooms(Map<String, Integer> expected, long timeoutMillis)
            throws InterruptedException, TimeoutException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int members = expected.values().stream().mapToInt(Integer::intValue).sum();
        while (true) {
            // the joins first: a snapshot copies every room, too costly to poll while the flood runs
            Map<String, Integer> now = joinsSeen() >= members ? memberCounts(rooms.snapshot()) : Map.of();
            if (now.equals(new TreeMap<>(expected))) {
                return now;
            }
            if (System.currentTimeMillis() > deadline) {
                now = memberCounts(rooms.snapshot());
                throw new TimeoutException("live state incomplete after " + timeoutMillis + " ms: " + now.size() + " of "
                        + expected.size() + " rooms, " + now.values().stream().mapToInt(Integer::intValue).sum() + " of "
                        + members + " members, " + joinsSeen() + " joins seen; " + rooms.status().detail());
            }
            Thread.sleep(20);
        }
    }

    /** @return joined members per room number, sorted by number */
    public static Map<String, Integer> memberCounts(LiveSnapshot s) {
        Map<String, Integer> out = new TreeMap<>();
        for (LiveRoom r : s.rooms().values()) {
            out.put(r.number(), r.memberCount());
        }
        return out;
    }

    /** Forgets what it saw (after a warm-up). */
    public void reset() {
        synchronized (joined) {
            joined.clear();
        }
        dropped.set(0);
        changes.set(0);
    }

    /** @return when each channel was first seen joined */
    public Map<String, Long> joinTimes() {
        synchronized (joined) {
            return new HashMap<>(joined);
        }
    }

    /** @return channels seen joined */
    public int joinsSeen() {
        synchronized (joined) {
            return joined.size();
        }
    }

    /** @return changes dropped for this subscriber (it fell behind) */
    public long dropped() {
        return dropped.get();
    }

    /** @return changes received */
    public long changes() {
        return changes.get();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
