package org.confroom.conference.directory;

import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * A number confroom can dial, in its one canonical form: E.164 ({@code +49301234567}) or an
 * internal PBX extension of 2 to 8 digits ({@code 1001}). This is what {@code contact.number} and
 * {@code call_attempt.number} hold. Obtain one from what a person typed with
 * {@link NumberNormalizer#parse(String)}, or from a stored value with {@link #fromStored(String)}.
 * Two instances are equal when their {@link #value()} is.
 */
public final class DialNumber {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,8}");

    private final String value;
    private final boolean extension;
    private final String display;

    private DialNumber(String value, boolean extension, String display) {
        this.value = value;
        this.extension = extension;
        this.display = display;
    }

    /**
     * Rebuilds a number from its canonical form, as stored in the database. No region and no
     * configuration are involved: the value must already be E.164 or an extension.
     *
     * @param value {@code +} and 7 to 15 digits, or 2 to 8 digits
     * @return the number
     * @throws IllegalArgumentException when the value is not canonical (a bug or a corrupt row, not user input)
     */
    public static DialNumber fromStored(String value) {
        if (value != null && EXTENSION.matcher(value).matches()) {
            return extension(value);
        }
        if (value == null || !E164.matcher(value).matches()) {
            throw new IllegalArgumentException("not an E.164 number or an extension: " + value);
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return new DialNumber(value, false, util.format(util.parse(value, "ZZ"), PhoneNumberFormat.INTERNATIONAL));
        } catch (NumberParseException e) {
            // well-formed E.164 with an unassigned country code: dialable as stored, shown as stored
            return new DialNumber(value, false, value);
        }
    }

    static DialNumber extension(String digits) {
        return new DialNumber(digits, true, digits);
    }

    static DialNumber e164(String value, String display) {
        if (!E164.matcher(value).matches()) {
            throw new IllegalArgumentException("not E.164: " + value);
        }
        return new DialNumber(value, false, display);
    }

    /** @return the canonical form: E.164 with {@code +}, or the extension's digits */
    public String value() {
        return value;
    }

    /** @return true for an internal PBX extension (no {@code +}, 2 to 8 digits) */
    public boolean isExtension() {
        return extension;
    }

    /** @return the digits without {@code +}, for dial strings such as {@code Local/{digits}@phones} */
    public String digits() {
        return extension ? value : value.substring(1);
    }

    /** @return the number for people: international format ({@code +49 30 1234567}) or the extension */
    public String display() {
        return display;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DialNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return {@link #value()} */
    @Override
    public String toString() {
        return value;
    }
}
