package org.confroom.conference;

/** The request clashes with existing data: a duplicate number, an attempt already active, a stale edit. */
public final class ConflictException extends ConferenceException {
    private static final long serialVersionUID = 1L;

    /** @param message what it clashes with */
    public ConflictException(String message) {
        super(message);
    }
}
