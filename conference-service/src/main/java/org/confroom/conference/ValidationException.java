package org.confroom.conference;

/** Input that breaks a rule; names the field so a form can show the message next to it. */
public final class ValidationException extends ConferenceException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the input field, for example {@code number}
     * @param message what is wrong with it
     */
    public ValidationException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** @return the field at fault */
    public String field() {
        return field;
    }
}
