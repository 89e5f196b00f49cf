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

    private final AtomicLong events = new AtomicLong();
    private final Map<String, Long> joins = new ConcurrentHashMap<>();
    private volatile long firstEventNanos;
    private volatile long lastEventNanos;

    @Override
    public void written(int clientPort, byte[] message, long nanoTime) {
        if (!startsWith(message, EVENT)) {
            return;
        }
        if (events.getAndIncrement() == 0) {
            firstEventNanos = nanoTime;
        }
        lastEventNanos = nanoTime;
        if (startsWith(message, JOIN)) {
            String channel = channel(message);
            if (channel != null) {
                joins.putIfAbsent(channel, nanoTime);
            }
        }
    }

    /** @return events written so far */
    public long events() {
        return events.get();
    }

    /** @return nanoTime of the first and last event written */
    public long firstEventNanos() {
        return firstEventNanos;
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

    private static String channel(byte[] b) {
        outer:
        for (int i = 0; i + CHANNEL.length <= b.length; i++) {
            for (int j = 0; j < CHANNEL.length; j++) {
                if (b[i + j] != CHANNEL[j]) {
                    continue outer;
                }
            }
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
