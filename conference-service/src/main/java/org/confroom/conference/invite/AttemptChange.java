package org.confroom.conference.invite;

import java.time.OffsetDateTime;

/** One change of an attempt, decided on its current (locked) row. */
@FunctionalInterface
public interface AttemptChange {
    /**
     * @param attempt the attempt, locked for update
     * @param now the time to stamp
     * @return true when it changed the attempt, false when it does not apply to its current state
     */
    boolean applyTo(CallAttempt attempt, OffsetDateTime now);
}
