package org.confroom.conference;

/** Input that breaks a rule; names the field so a form can show the message next to it. */
public final class ValidationException extends ConferenceException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    /**
     * @param field the input field, for example {@code number}
     * @param message what is wrong with it
     */
    public ValidationException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
        this.reason = message;
    }

    /** @return what is wrong, without the field name */
    public String reason() {
        return reason;
    }

    /** @return the same refusal for another field, e.g. a number rule applied to the {@code to} field */
    public ValidationException forField(String otherField) {
        return otherField.equals(field) ? this : new ValidationException(otherField, reason);
    }

    /** @return the field at fault */
    public String field() {
        return field;
    }
}
