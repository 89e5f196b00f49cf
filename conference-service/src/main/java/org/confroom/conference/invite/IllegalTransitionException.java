package org.confroom.conference.invite;

import org.confroom.conference.ConferenceException;

/** A change of a {@link CallAttempt} that the transition table of {@link AttemptState} does not allow. */
public final class IllegalTransitionException extends ConferenceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param attempt the attempt id
     * @param from its state
     * @param to the refused target state
     */
    public IllegalTransitionException(Object attempt, AttemptState from, AttemptState to) {
        super("call attempt " + attempt + " cannot go from " + from + " to " + to);
    }
}
