package org.confroom.conference;

/** Asterisk refused a command or could not be reached; the message says which and why. */
public final class PbxCommandException extends ConferenceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with Asterisk's own words where it gave any
     * @param cause the AMI failure
     */
    public PbxCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
