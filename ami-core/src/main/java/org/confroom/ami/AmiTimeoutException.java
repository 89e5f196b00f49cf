package org.confroom.ami;

import java.time.Duration;

/**
 * No (complete) response arrived within the action's timeout. The action was written, so Asterisk
 * may or may not have carried it out: treat the outcome as unknown and reconcile before retrying.
 */
public final class AmiTimeoutException extends AmiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param action the action name
     * @param actionId its ActionID
     * @param timeout the timeout that elapsed
     */
    public AmiTimeoutException(String action, String actionId, Duration timeout) {
        super(action + " (ActionID " + actionId + ") got no response within " + timeout.toMillis() + " ms; outcome unknown");
    }
}
