package org.confroom.web.directory;

import org.confroom.conference.ConferenceException;
import org.confroom.conference.ValidationException;

/**
 * A refusal shown on a re-rendered form: next to its field for a {@link ValidationException}, above the
 * form otherwise (a conflict such as a taken number or a stale edit).
 *
 * @param field the field at fault, or null for the whole form
 * @param message what is wrong, without the field name
 */
public record FormError(String field, String message) {
    /** No error: the form as first shown. */
    public static final FormError NONE = new FormError(null, null);

    /** @return the error a service reported */
    public static FormError of(ConferenceException e) {
        return e instanceof ValidationException v ? new FormError(v.field(), v.reason()) : new FormError(null, e.getMessage());
    }

    /** @return the message for {@code name}, or null when that field is fine */
    public String on(String name) {
        return name.equals(field) ? message : null;
    }

    /** @return the message for the whole form (a conflict), or null */
    public String general() {
        return field == null ? message : null;
    }

    /** @return true when any error is to be shown */
    public boolean any() {
        return message != null;
    }

    /** @return the status the page is answered with: 400 for a field, 409 for a conflict, 200 without error */
    public int status() {
        return message == null ? 200 : field == null ? 409 : 400;
    }
}
