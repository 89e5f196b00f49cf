package org.confroom.conference.invite;

/** Why a {@link CallAttempt} ended in {@link AttemptState#FAILED} (column {@code failure_reason}). */
public enum FailureReason {
    /** The phone was busy (OriginateResponse Reason 5, hangup cause 17). */
    BUSY,
    /** The network could not reach it (Reason 8, cause 34). */
    CONGESTION,
    /** It rang until the timeout (Reason 3, cause 19). */
    NO_ANSWER,
    /** No such context, extension or technology (Reason 0). */
    NO_ROUTE,
    /** The dial policy refused it when it was due (the configuration changed or the room was archived). */
    POLICY,
    /** An operator cancelled it. */
    CANCELLED,
    /** Answered but hung up without joining (a locked room, a caller who hung up at once). */
    REJECTED,
    /** Asterisk refused the Originate or it could not be built; the detail has Asterisk's message. */
    ERROR,
    /** The AMI connection was lost after sending and no channel of it was found afterwards. */
    LOST;

    /** @return true for the failures worth another try later: BUSY and NO_ANSWER */
    public boolean retryable() {
        return this == BUSY || this == NO_ANSWER;
    }
}
