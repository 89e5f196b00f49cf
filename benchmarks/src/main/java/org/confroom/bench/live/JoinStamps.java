package org.confroom.bench.live;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.confroom.ami.sim.WriteObserver;

/**
 * Watches what the simulator writes: counts the events (for pacing and the rate) and notes when each
 * {@code ConfbridgeJoin} went to the socket, by channel. Only the measured session should receive events
 * (the driver logs in with {@code Events: off}), so every event counted is one the measured client reads.
 */
public final class JoinStamps implements WriteObserver {
    private static final byte[] EVENT = "Event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JOIN = "Event: ConfbridgeJoin\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHANNEL = "\r\nChannel: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACTION_ID = "\r\nActionID: ".getBytes(StandardCharsets.US_ASCII);

    private final AtomicLong events = new AtomicLong();
    private final AtomicLong listItems = new AtomicLong();
    private final Map<String, Long> joins = new ConcurrentHashMap<>();
    private volatile long lastEventNanos;

    @Override
    public void written(int clientPort, byte[] message, long nanoTime) {
        if (!startsWith(message, EVENT)) {
            return;
        }
        if (indexOf(message, ACTION_ID) >= 0) {
            listItems.incrementAndGet(); // an item of a list the client asked for (its room poll), not an event
            return;
        }
        events.incrementAndGet();
        lastEventNanos = nanoTime;
        if (startsWith(message, JOIN)) {
            String channel = channel(message);
            if (channel != null) {
                joins.putIfAbsent(channel, nanoTime);
            }
        }
    }

    /** @return events written so far (list items not included) */
    public long events() {
        return events.get();
    }

    /** @return items of event lists written so far (answers to the client's listings) */
    public long listItems() {
        return listItems.get();
    }

    /** @return nanoTime of the last event written */
    public long lastEventNanos() {
        return lastEventNanos;
    }

    /** @return write time (nanoTime) of each member channel's ConfbridgeJoin */
    public Map<String, Long> joins() {
        return joins;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= b.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String channel(byte[] b) {
        int i = indexOf(b, CHANNEL);
        if (i >= 0) {
            int start = i + CHANNEL.length;
            int end = start;
            while (end < b.length && b[end] != '\r') {
                end++;
            }
            return new String(b, start, end - start, StandardCharsets.UTF_8);
        }
        return null;
    }
}
