package org.confroom.conference.invite;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling with a deadline, for conditions reached by the PBX and the dispatcher in the background. */
public final class Awaits {
    private static final long POLL_MILLIS = 20;

    private Awaits() {
    }

    /** Polls until the condition holds; fails with {@code what} when the timeout passes. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        until(condition, timeout, () -> what);
    }

    /** Polls until the condition holds; fails with the description (made at the deadline) when the timeout passes. */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
