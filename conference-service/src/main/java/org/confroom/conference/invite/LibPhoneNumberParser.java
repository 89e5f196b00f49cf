package org.confroom.conference.invite;

import java.util.regex.Pattern;

import org.confroom.conference.ValidationException;
import org.confroom.conference.config.ConfroomConfig;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@link NumberParser} with libphonenumber: numbers without a country code are read in
 * {@code confroom.directory.default-region}; 2 to 8 plain digits are an internal extension when
 * {@code confroom.dial.allow-extensions} is on. Only numbers libphonenumber considers valid pass.
 */
@ApplicationScoped
public class LibPhoneNumberParser implements NumberParser {
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,8}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final int MAX_INPUT = 40;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final boolean allowExtensions;

    /** @param config region and extension rule */
    @Inject
    public LibPhoneNumberParser(ConfroomConfig config) {
        this(config.directory().defaultRegion(), config.dial().allowExtensions());
    }

    /**
     * @param defaultRegion ISO 3166 alpha-2 region for numbers without country code
     * @param allowExtensions true to accept 2 to 8 plain digits as an internal extension
     */
    public LibPhoneNumberParser(String defaultRegion, boolean allowExtensions) {
        this.defaultRegion = defaultRegion;
        this.allowExtensions = allowExtensions;
    }

    @Override
    public String parse(String field, String input) {
        String typed = input == null ? "" : input.strip();
        if (typed.isEmpty()) {
            throw new ValidationException(field, "required: a phone number such as +49 30 1234567"
                    + (allowExtensions ? " or an internal extension" : ""));
        }
        if (typed.length() > MAX_INPUT || typed.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(field, "not a phone number (at most " + MAX_INPUT + " characters, no control characters)");
        }
        if (allowExtensions && EXTENSION.matcher(typed).matches()) {
            return typed;
        }
        PhoneNumber number;
        try {
            number = util.parse(typed, defaultRegion);
        } catch (NumberParseException e) {
            throw new ValidationException(field, "'" + typed + "' is not a phone number (" + e.getMessage() + ")");
        }
        if (!util.isValidNumber(number)) {
            throw new ValidationException(field, "'" + typed + "' is not a valid phone number in region " + defaultRegion
                    + (allowExtensions ? "" : " (internal extensions may not be dialled)"));
        }
        String e164 = util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        if (!E164.matcher(e164).matches()) {
            throw new ValidationException(field, "'" + typed + "' has no E.164 form");
        }
        return e164;
    }
}
