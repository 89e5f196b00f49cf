package org.confroom.ami.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect delay with jitter: attempt n waits a random time between half and all of
 * {@code min(max, initial * 2^(n-1))}, so many clients of a restarted Asterisk do not reconnect in step.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private int attempt;

    /**
     * @param initial first delay
     * @param max largest delay
     */
    public Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** @return the delay before the next attempt; counts the attempt */
    Duration next() {
        attempt++;
        return delay(Duration.ofMillis(initialMillis), Duration.ofMillis(maxMillis), attempt);
    }

    /**
     * The delay before reconnect attempt {@code attempt} (1 for the first after a loss): random
     * between half and all of {@code min(max, initial * 2^(attempt-1))}. Shared by the transports.
     *
     * @param initial first delay
     * @param max largest delay
     * @param attempt attempt number, from 1
     * @return the delay
     */
    public static Duration delay(Duration initial, Duration max, int attempt) {
        long maxMillis = max.toMillis();
        long cap = initial.toMillis();
        for (int i = 1; i < attempt && cap < maxMillis; i++) {
            cap *= 2;
        }
        cap = Math.max(1, Math.min(cap, maxMillis));
        long half = cap / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(cap - half + 1));
    }

    /** @return the longest delay, used after a refused login */
    Duration max() {
        attempt++;
        return Duration.ofMillis(maxMillis);
    }

    /** @return attempts since the last reset */
    int attempts() {
        return attempt;
    }

    /** Called once a connection is READY. */
    void reset() {
        attempt = 0;
    }
}
