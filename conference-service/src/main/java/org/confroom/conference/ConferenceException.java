package org.confroom.conference;

/** Base of the errors the conference services report to their callers (web pages and API). */
public abstract class ConferenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, for the user */
    protected ConferenceException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause underlying failure
     */
    protected ConferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
