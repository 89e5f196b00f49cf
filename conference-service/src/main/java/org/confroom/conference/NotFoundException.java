package org.confroom.conference;

/** The thing asked for does not exist (or is archived where that matters). */
public final class NotFoundException extends ConferenceException {
    private static final long serialVersionUID = 1L;

    /** @param message what was not found */
    public NotFoundException(String message) {
        super(message);
    }
}
