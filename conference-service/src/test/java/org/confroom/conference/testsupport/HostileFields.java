package org.confroom.conference.testsupport;

import java.util.Random;

/**
 * Field values for one try of a fuzz test: mostly valid, so that calls get past the first check, and a
 * {@link HostileStrings hostile string} one time in three, so that every field meets one.
 *
 * @param r the try's randomness
 */
public record HostileFields(Random r) {
    /** @return {@code valid}, or one time in three a hostile string */
    public String or(String valid) {
        return r.nextInt(3) == 0 ? hostile() : valid;
    }

    /** @return a hostile string */
    public String hostile() {
        return HostileStrings.next(r);
    }
}
