package org.confroom.ami.action;

import java.util.Objects;
import java.util.Optional;

/**
 * Argument checks shared by the typed actions. Only what makes an action meaningless is refused
 * here; CR, LF and NUL are refused for every header by the encoder.
 */
final class Require {
    private Require() {
    }

    /**
     * @return the value
     * @throws NullPointerException naming the field when the value is null
     * @throws IllegalArgumentException naming the field when the value is empty or blank
     */
    static String nonEmpty(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    /** @return the optional, after checking a present value with {@link #nonEmpty} */
    static Optional<String> nonEmpty(Optional<String> value, String field) {
        Objects.requireNonNull(value, field);
        value.ifPresent(v -> nonEmpty(v, field));
        return value;
    }

    /**
     * @return the value
     * @throws IllegalArgumentException naming the field when the value is outside {@code [min, max]}
     */
    static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
