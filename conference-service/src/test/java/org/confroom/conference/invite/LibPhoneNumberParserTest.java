package org.confroom.conference.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.confroom.conference.ValidationException;
import org.junit.jupiter.api.Test;

/** Normalization of typed numbers with libphonenumber, without Quarkus. */
class LibPhoneNumberParserTest {
    private final NumberParser parser = new LibPhoneNumberParser("DE", true);

    @Test
    void nationalAndInternationalFormsBecomeE164() {
        assertThat(parser.parse("number", "030 1234567")).isEqualTo("+49301234567");
        assertThat(parser.parse("number", "+49 (30) 123-4567")).isEqualTo("+49301234567");
        assertThat(parser.parse("number", "0043 1 5134567")).isEqualTo("+4315134567");
    }

    @Test
    void shortDigitStringsAreExtensionsWhenAllowed() {
        assertThat(parser.parse("number", " 1001 ")).isEqualTo("1001");
        assertThatThrownBy(() -> new LibPhoneNumberParser("DE", false).parse("number", "1001"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("number"))
                .hasMessageContaining("extensions may not be dialled");
    }

    @Test
    void garbageIsRefusedNamingTheField() {
        assertThatThrownBy(() -> parser.parse("to", "")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> parser.parse("from", "call me")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("from: ");
        assertThatThrownBy(() -> parser.parse("number", "1001\r\nAction: Command")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> parser.parse("number", "+49 30 1")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a valid phone number");
    }
}
