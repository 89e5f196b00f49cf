package org.confroom.conference.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.confroom.conference.ValidationException;
import org.confroom.conference.config.ConfroomConfig;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Turns what a person typed into a {@link DialNumber}. The rules, in order:
 * <ol>
 * <li>At most {@value #MAX_INPUT_LENGTH} characters. Allowed are the digits 0-9, one leading {@code +} (only spaces or
 * {@code (} before it), and the separators space, no-break space, {@code - – . / ( )}. Control characters
 * (CR and LF included), invisible characters, letters and any other symbol are refused.</li>
 * <li>A block of 2 to 8 digits with nothing else but surrounding spaces ({@code 1001}, {@code 8001}) is
 * an internal extension when {@code confroom.dial.allow-extensions} is true, unless it is an
 * emergency number of the default region ({@code 110}, {@code 112}), which is refused. To mean a
 * short national number instead, type it with a separator or a country code ({@code 030 1234}).</li>
 * <li>Everything else goes through libphonenumber: a leading {@code 00} counts as {@code +};
 * without {@code +} the number is national to {@code confroom.directory.default-region}; a
 * {@code (0)} after the country code is dropped. The result must be a <em>valid</em> number of its
 * country, and is kept in E.164.</li>
 * </ol>
 * Every refusal is a {@link ValidationException} of the field {@value #FIELD} whose message says what
 * to change. Immutable and thread-safe.
 */
@Singleton
@Startup
public class NumberNormalizer {
    /** Longest input accepted, separators included. */
    public static final int MAX_INPUT_LENGTH = 32;
    /** The field named in every {@link ValidationException}. */
    public static final String FIELD = "number";

    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,8}");
    private static final String SEPARATORS = " \u00A0-\u2013./()";
    private static final String ALLOWED = "use digits, an optional leading +, and spaces, dashes, dots, slashes or parentheses";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final boolean allowExtensions;

    /** @param config {@code confroom.directory.default-region} and {@code confroom.dial.allow-extensions} */
    @Inject
    public NumberNormalizer(ConfroomConfig config) {
        this(config.directory().defaultRegion(), config.dial().allowExtensions());
    }

    /**
     * @param defaultRegion ISO 3166 alpha-2 region for numbers typed without country code
     * @param allowExtensions true to accept internal extensions
     * @throws IllegalStateException when libphonenumber does not know the region
     */
    public NumberNormalizer(String defaultRegion, boolean allowExtensions) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new IllegalStateException("confroom.directory.default-region '" + defaultRegion
                    + "' is not a region code libphonenumber knows (ISO 3166 alpha-2, for example DE or US)");
        }
        this.defaultRegion = region;
        this.allowExtensions = allowExtensions;
    }

    /**
     * Normalizes typed input.
     *
     * @param input what the person typed, for example {@code 030 1234567}, {@code +1 (415) 555-0100},
     *     {@code 0049 30 1234567} or {@code 1001}
     * @return the number in canonical form
     * @throws ValidationException of field {@value #FIELD} with a message that says what to change
     */
    public DialNumber parse(String input) {
        if (input == null || input.isBlank()) {
            throw invalid("required: a number with country code (+49 30 1234567), a national number of "
                    + regionName(defaultRegion) + (allowExtensions ? " or an internal extension" : ""));
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw invalid("at most " + MAX_INPUT_LENGTH + " characters");
        }
        checkCharacters(input);
        String typed = trimSpaces(input);
        if (EXTENSION.matcher(typed).matches() && allowExtensions) {
            if (ShortNumberInfo.getInstance().isEmergencyNumber(typed, defaultRegion)) {
                throw invalid("'" + typed + "' is an emergency number in " + regionName(defaultRegion)
                        + "; confroom does not dial emergency numbers");
            }
            return DialNumber.extension(typed);
        }
        return international(typed);
    }

    /**
     * Same as {@link #parse(String)} for input that may or may not be a number (a search box).
     *
     * @param input anything
     * @return the number, or empty when {@link #parse(String)} would refuse it
     */
    public Optional<DialNumber> tryParse(String input) {
        try {
            return Optional.of(parse(input));
        } catch (ValidationException notANumber) {
            return Optional.empty();
        }
    }

    /** @return the region used for numbers typed without country code */
    public String defaultRegion() {
        return defaultRegion;
    }

    /** @return true when internal extensions are accepted */
    public boolean allowsExtensions() {
        return allowExtensions;
    }

    private DialNumber international(String typed) {
        String compact = compact(typed);
        String hint = EXTENSION.matcher(typed).matches() ? " (internal extensions are not allowed here)" : "";
        PhoneNumber number;
        try {
            number = util.parse(compact.startsWith("00") ? "+" + compact.substring(2) : compact, defaultRegion);
        } catch (NumberParseException e) {
            throw invalid("'" + typed + "' " + parseProblem(e, compact) + hint);
        }
        if (number.hasExtension() || !util.isValidNumber(number)) {
            throw invalid("'" + typed + "' is not a valid number in " + countryOf(number) + ": "
                    + lengthProblem(number) + hint);
        }
        String e164 = util.format(number, PhoneNumberFormat.E164);
        try {
            return DialNumber.e164(e164, util.format(number, PhoneNumberFormat.INTERNATIONAL));
        } catch (IllegalArgumentException e) {
            throw invalid("'" + typed + "' (" + e164 + ") is longer than E.164 allows");
        }
    }

    private String parseProblem(NumberParseException e, String compact) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> "does not start with a known country code after + or 00";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "has too few digits";
            case TOO_LONG -> "has too many digits";
            case NOT_A_NUMBER -> compact.replace("+", "").length() < 3
                    ? (compact.replace("+", "").isEmpty() ? "has no digits" : "has too few digits") : "is not a phone number";
        };
    }

    private String lengthProblem(PhoneNumber number) {
        return switch (util.isPossibleNumberWithReason(number)) {
            case TOO_SHORT -> "too few digits";
            case TOO_LONG -> "too many digits";
            case INVALID_LENGTH -> "wrong number of digits";
            case IS_POSSIBLE_LOCAL_ONLY -> "a local number; add the area code";
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case IS_POSSIBLE -> "no such number range";
        } + " (check the country code, area code and the number of digits)";
    }

    private String countryOf(PhoneNumber number) {
        String region = util.getRegionCodeForCountryCode(number.getCountryCode());
        String name = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region) || "ZZ".equals(region)
                ? "the numbering plan" : regionName(region);
        return name + " (+" + number.getCountryCode() + ")";
    }

    private static String regionName(String region) {
        return new Locale("", region).getDisplayCountry(Locale.ENGLISH);
    }

    /** Refuses control, invisible and letter characters, symbols, and a {@code +} that does not lead. */
    private static void checkCharacters(String input) {
        boolean digitSeen = false;
        boolean plusSeen = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || Character.isSurrogate(c)) {
                throw invalid(String.format("contains an invisible or control character (U+%04X); type the number on one line, %s",
                        (int) c, ALLOWED));
            }
            if (c >= '0' && c <= '9') {
                digitSeen = true;
            } else if (c == '+') {
                if (plusSeen || digitSeen || !input.substring(0, i).chars().allMatch(p -> isSpace((char) p) || p == '(')) {
                    throw invalid("'+' may only lead the number, as in +49 30 1234567");
                }
                plusSeen = true;
            } else if (SEPARATORS.indexOf(c) < 0) {
                throw invalid((Character.isLetter(c) ? "contains the letter '" + c + "'" : "contains '" + c + "'")
                        + ", which is not allowed: " + ALLOWED);
            }
        }
    }

    private static String compact(String typed) {
        StringBuilder b = new StringBuilder(typed.length());
        typed.chars().filter(c -> c == '+' || (c >= '0' && c <= '9')).forEach(c -> b.append((char) c));
        return b.toString();
    }

    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0';
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(FIELD, message);
    }
}
