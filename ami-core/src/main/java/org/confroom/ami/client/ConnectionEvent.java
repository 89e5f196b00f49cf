package org.confroom.ami.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A change of connection state, with the cause when the change is a failure.
 *
 * @param state the new state
 * @param cause why the connection was lost or refused; null otherwise
 * @param retryIn for RECONNECTING and AUTHENTICATION_REFUSED: the wait before the next attempt; null otherwise
 * @param attempt the connection attempt number since the last READY (1 for the first)
 */
public record ConnectionEvent(ConnectionState state, Throwable cause, Duration retryIn, int attempt) {
    /** @return the cause, if this change is a failure */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(cause);
    }

    @Override
    public String toString() {
        return state + (cause == null ? "" : " (" + cause.getMessage() + ")")
                + (retryIn == null ? "" : ", retry in " + retryIn.toMillis() + " ms") + ", attempt " + attempt;
    }
}
