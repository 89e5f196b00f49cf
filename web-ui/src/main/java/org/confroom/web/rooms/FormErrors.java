package org.confroom.web.rooms;

import org.confroom.conference.ValidationException;

/**
 * What is wrong with a submitted form: one field's message (shown next to the field), or a message for
 * the whole form (a conflict).
 *
 * @param field the field at fault, or null
 * @param message what is wrong, or null when nothing is
 */
public record FormErrors(String field, String message) {
    static final FormErrors NONE = new FormErrors(null, null);

    static FormErrors of(ValidationException e) {
        return new FormErrors(e.field(), e.reason());
    }

    static FormErrors general(String message) {
        return new FormErrors(null, message);
    }

    /** @return the message for this field, or null */
    public String on(String name) {
        return name.equals(field) ? message : null;
    }

    /** @return the message that belongs to no single field, or null */
    public String general() {
        return field == null ? message : null;
    }
}
