package org.confroom.conference.directory;

import java.util.regex.Pattern;

import org.confroom.conference.InputText;
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
        InputText.refuseControlCharacters("name", name, false);
        DialNumber number = numbers.parse(draft.number());
        String email = strip(draft.email());
        if (email != null) {
            InputText.refuseControlCharacters("email", email, false);
            if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                throw new ValidationException("email", "'" + email + "' is not an e-mail address (name@example.org), at most "
                        + MAX_EMAIL + " characters");
            }
        }
        String notes = strip(draft.notes());
        if (notes != null) {
            InputText.refuseControlCharacters("notes", notes, true);
            if (notes.length() > MAX_NOTES) {
                throw new ValidationException("notes", "at most " + MAX_NOTES + " characters, got " + notes.length());
            }
        }
        return new ValidContact(name, number, email, notes);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
