package org.confroom.ami;

/** The action was not sent because the client is not connected and logged in; a retry is safe. */
public final class AmiNotConnectedException extends AmiException {
    private static final long serialVersionUID = 1L;

    /** @param message what state the client is in */
    public AmiNotConnectedException(String message) {
        super(message);
    }
}
