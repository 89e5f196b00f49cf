package org.confroom.ami;

/** Base of every failure ami-core reports; subclasses say what happened and whether a retry is safe. */
public abstract class AmiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, for a user to act on */
    protected AmiException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    protected AmiException(String message, Throwable cause) {
        super(message, cause);
    }
}
