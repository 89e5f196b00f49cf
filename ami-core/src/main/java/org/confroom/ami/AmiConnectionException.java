package org.confroom.ami;

/** The transport failed: connect refused, TLS failure, no banner, connection closed, keepalive death. */
public final class AmiConnectionException extends AmiException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public AmiConnectionException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the underlying I/O error
     */
    public AmiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
