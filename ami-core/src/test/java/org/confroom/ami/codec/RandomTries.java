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
     * @param layer the fuzz target, for example {@code decoder} or {@code web}
     * @param ciTries tries of the CI run
     * @return {@code -Dconfroom.fuzz.<layer>.tries=N} when set, else {@code -Dconfroom.fuzz.tries=N}, else
     *     {@code ciTries}; the long run of {@code bin/fuzz} sets them
     */
    public static int tries(String layer, int ciTries) {
        return Integer.getInteger("confroom.fuzz." + layer + ".tries", Integer.getInteger("confroom.fuzz.tries", ciTries));
    }

    /** @return a random int in [min, max] */
    public static int between(Random r, int min, int max) {
        return min + r.nextInt(max - min + 1);
    }
}
