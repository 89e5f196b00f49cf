package org.confroom.conference.invite;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a {@link CallAttempt} stands. The transition table below is the only place that says which
 * change is legal; {@link CallAttempt#moveTo} and {@link CallAttempt#fail} refuse every other one.
 *
 * <pre>
 *  QUEUED ──claim──▶ DIALING ──Reason 4──▶ ANSWERED ──ConfbridgeJoin──▶ JOINED ──leave/hangup──▶ ENDED
 *    │   ◀─not sent──┘  │ └──────────ConfbridgeJoin (events overtake)─────▲
 *    │                  │                       │
 *    └──cancel──▶ FAILED ◀── busy, congestion, no answer, no route, cancel, lost, hung up before joining
 * </pre>
 */
public enum AttemptState {
    /** Waiting for the dispatcher (and for {@code not_before}). */
    QUEUED,
    /** Originate sent (or being sent); the phone rings. */
    DIALING,
    /** The phone answered and is on its way into the room (click-to-call: the second number is being dialled). */
    ANSWERED,
    /** In the room (click-to-call: connected to the second number). */
    JOINED,
    /** Was in the room (or connected) and has left. Final. */
    ENDED,
    /** Never got in; {@link FailureReason} says why. Final. */
    FAILED;

    private static final Map<AttemptState, Set<AttemptState>> NEXT = new EnumMap<>(AttemptState.class);

    static {
        NEXT.put(QUEUED, EnumSet.of(DIALING, FAILED));
        // DIALING -> QUEUED only when the Originate provably never left this process (not connected)
        NEXT.put(DIALING, EnumSet.of(QUEUED, ANSWERED, JOINED, FAILED));
        NEXT.put(ANSWERED, EnumSet.of(JOINED, FAILED));
        NEXT.put(JOINED, EnumSet.of(ENDED));
        NEXT.put(ENDED, EnumSet.noneOf(AttemptState.class));
        NEXT.put(FAILED, EnumSet.noneOf(AttemptState.class));
    }

    /** @return true when the table allows a change from this state to {@code next} */
    public boolean canMoveTo(AttemptState next) {
        return NEXT.get(this).contains(next);
    }

    /** @return true for ENDED and FAILED */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** @return true for the states the partial unique index treats as active (all but ENDED and FAILED) */
    public boolean isActive() {
        return !isFinal();
    }

    /** @return true while a channel may exist on the PBX: DIALING, ANSWERED, JOINED */
    public boolean isOnPbx() {
        return this == DIALING || this == ANSWERED || this == JOINED;
    }
}
