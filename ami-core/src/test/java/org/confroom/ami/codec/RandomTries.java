package org.confroom.ami.codec;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Randomized tests with plain JUnit: runs a body for a number of seeds and names the failing seed.
 * {@code -Dconfroom.seed=N} replays from seed N.
 */
public final class RandomTries {
    private RandomTries() {
    }

    public static void run(String what, int tries, Consumer<Random> body) {
        long base = Long.getLong("confroom.seed", System.nanoTime());
        for (int i = 0; i < tries; i++) {
            long seed = base + i;
            try {
                body.accept(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(what + " failed for seed " + seed + " (replay with -Dconfroom.seed=" + seed + ")", e);
            }
        }
    }

    /**
     * @param defaultTries tries of the CI run
     * @return {@code -Dconfroom.fuzz.tries=N} when set (the long fuzz run), else {@code defaultTries}
     */
    public static int tries(int defaultTries) {
        return Integer.getInteger("confroom.fuzz.tries", defaultTries);
    }

    /** @return a random int in [min, max] */
    public static int between(Random r, int min, int max) {
        return min + r.nextInt(max - min + 1);
    }
}
