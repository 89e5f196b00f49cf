package org.confroom.conference.directory;

import java.util.regex.Pattern;

import org.confroom.conference.ValidationException;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Checks a {@link ContactDraft} field by field (name, number, email, notes) and reports the first
 * problem as a {@link ValidationException} naming the field. Used for forms and for CSV rows alike.
 */
@Singleton
public class ContactValidator {
    /** Longest name. */
    public static final int MAX_NAME = 200;
    /** Longest e-mail address. */
    public static final int MAX_EMAIL = 254;
    /** Longest notes. */
    public static final int MAX_NOTES = 2000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final NumberNormalizer numbers;

    /** @param numbers normalizes the number field */
    @Inject
    public ContactValidator(NumberNormalizer numbers) {
        this.numbers = numbers;
    }

    /**
     * @param draft what was entered
     * @return the trimmed, normalized values
     * @throws ValidationException naming {@code name}, {@code number}, {@code email} or {@code notes}
     */
    public ValidContact validate(ContactDraft draft) {
        String name = strip(draft.name());
        if (name == null || name.length() > MAX_NAME) {
            throw new ValidationException("name", "required, at most " + MAX_NAME + " characters");
        }
        refuseControlCharacters("name", name, false);
        DialNumber number = numbers.parse(draft.number());
        String email = strip(draft.email());
        if (email != null) {
            refuseControlCharacters("email", email, false);
            if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                throw new ValidationException("email", "'" + email + "' is not an e-mail address (name@example.org), at most "
                        + MAX_EMAIL + " characters");
            }
        }
        String notes = strip(draft.notes());
        if (notes != null) {
            refuseControlCharacters("notes", notes, true);
            if (notes.length() > MAX_NOTES) {
                throw new ValidationException("notes", "at most " + MAX_NOTES + " characters, got " + notes.length());
            }
        }
        return new ValidContact(name, number, email, notes);
    }

    /** @throws ValidationException naming {@code field} when the value holds a control character (line breaks and tabs when allowed) */
    static void refuseControlCharacters(String field, String value, boolean linesAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if ((Character.isISOControl(c) && !(linesAllowed && lineBreakOrTab))
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                throw new ValidationException(field, String.format("contains a control character (U+%04X)%s", (int) c,
                        linesAllowed ? "; only line breaks and tabs are allowed" : "; it must fit on one line"));
            }
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
