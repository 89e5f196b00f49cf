package org.confroom.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * What a benchmark listener saw: events per name, the time of the first and last one, and the losses
 * a client announced. Updated on the client's event thread only; read after the client is done.
 */
final class EventCounter {
    private final Map<String, long[]> byName = new HashMap<>();
    private final long expected;
    private final CountDownLatch all = new CountDownLatch(1);
    private volatile long count;
    private volatile long firstNanos;
    private volatile long lastNanos;
    private volatile long announcedLost;
    private volatile long lossAnnouncements;
    /** While true the listener sleeps 1 ms per event: the slow listener of the flood test. */
    volatile boolean slow;

    /** @param expected events after which {@link #awaitAll} returns (0: never) */
    EventCounter(long expected) {
        this.expected = expected;
    }

    void onEvent(String name) {
        long now = System.nanoTime();
        if (count == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        byName.computeIfAbsent(name, k -> new long[1])[0]++;
        long c = count + 1;
        count = c;
        if (c == expected) {
            all.countDown();
        }
        if (slow) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void onLost(long lost) {
        announcedLost += lost;
        lossAnnouncements++;
    }

    long count() {
        return count;
    }

    long firstNanos() {
        return firstNanos;
    }

    long lastNanos() {
        return lastNanos;
    }

    long announcedLost() {
        return announcedLost;
    }

    long lossAnnouncements() {
        return lossAnnouncements;
    }

    /**
     * Waits until the expected number of events arrived or no event came for {@code idleMillis}.
     *
     * @return true when every expected event arrived
     */
    boolean awaitAll(long idleMillis, long maxMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + maxMillis;
        while (System.currentTimeMillis() < end) {
            if (all.await(10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return true;
            }
            long last = lastNanos;
            if (count > 0 && System.nanoTime() - last > idleMillis * 1_000_000L) {
                return false;
            }
        }
        return false;
    }

    /** @return a snapshot of the counts per name, sorted */
    synchronized Map<String, Long> names() {
        Map<String, Long> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.forEach((k, v) -> out.merge(k, v[0], Long::sum));
        return out;
    }
}
