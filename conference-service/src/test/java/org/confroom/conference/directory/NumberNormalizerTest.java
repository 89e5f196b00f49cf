package org.confroom.conference.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.confroom.conference.ValidationException;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The configured normalizer (default region DE, extensions allowed) and a few other configurations. */
@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class NumberNormalizerTest {
    @Inject
    NumberNormalizer numbers;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "030 1234567          | +49301234567  | +49 30 1234567",
        "030/1234567          | +49301234567  | +49 30 1234567",
        "030-123 45 67        | +49301234567  | +49 30 1234567",
        "+49 (0)30 1234567    | +49301234567  | +49 30 1234567",
        "(+49) 30.1234567     | +49301234567  | +49 30 1234567",
        "0049 30 1234567      | +49301234567  | +49 30 1234567",
        "  +49301234567       | +49301234567  | +49 30 1234567",
        "0151 23456789        | +4915123456789 | +49 1512 3456789",
        "+1 (415) 555-0100    | +14155550100  | +1 415-555-0100",
        "001 415 555 2671     | +14155552671  | +1 415-555-2671",
        "+44 20 7946 0958     | +442079460958 | +44 20 7946 0958",
        "0039 06 1234 5678    | +390612345678 | +39 06 1234 5678",
    })
    void normalizesToE164(String typed, String e164, String display) {
        DialNumber n = numbers.parse(typed);
        assertThat(n.value()).isEqualTo(e164);
        assertThat(n.isExtension()).isFalse();
        assertThat(n.digits()).isEqualTo(e164.substring(1));
        assertThat(n.display()).isEqualTo(display);
    }

    @Test
    void noBreakSpaceAndEnDashAreSeparators() {
        assertThat(numbers.parse("030\u00A01234\u2013567").value()).isEqualTo("+49301234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "1001", "8001", " 9001 ", "12345678", "0301234"})
    void aBlockOfTwoToEightDigitsIsAnExtension(String typed) {
        DialNumber n = numbers.parse(typed);
        assertThat(n.isExtension()).isTrue();
        assertThat(n.value()).isEqualTo(typed.strip()).isEqualTo(n.digits()).isEqualTo(n.display());
    }

    @Test
    void aSeparatorTurnsShortDigitsIntoANationalNumber() {
        assertThat(numbers.parse("030 1234").value()).isEqualTo("+49301234");
        assertThatThrownBy(() -> numbers.parse("123456789")).as("nine digits are never an extension")
                .hasMessageContaining("not a valid number in Germany");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1                       | too few digits",
        "+49 30 12               | no such number range",
        "+49 1234                | is not a valid number in Germany (+49)",
        "0030 1234567            | is not a valid number in Greece (+30)",
        "+999 1234567            | known country code",
        "+49 30 1234567 89012345 | too many digits",
        "123456789012345678901   | too many digits",
        "---                     | has no digits",
        "112                     | emergency number",
        "110                     | emergency number",
        "+49 30 +1234567         | '+' may only lead",
        "49+301234567            | '+' may only lead",
        "+4930 1234567 ext 12    | the letter 'e'",
        "1-800-FLOWERS           | the letter 'F'",
        "+4930*1234567#          | contains '*'",
        "+4930;1234567           | contains ';'",
        "0301234567890123456789012345678901 | at most 32 characters",
    })
    void refusesWithAHelpfulMessage(String typed, String why) {
        assertThatThrownBy(() -> numbers.parse(typed))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("number"))
                .hasMessageContaining(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+4930\r\n123", "+4930\n1234567", "+49301234567\r\n", "\t+49301234567", "+4930\u00001234567",
        "+4930\u200B1234567", "1001\r\nAction: Originate"})
    void refusesControlAndInvisibleCharacters(String typed) {
        assertThatThrownBy(() -> numbers.parse(typed))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("number"))
                .hasMessageContaining("control character")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u0000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyInputIsRequired(String typed) {
        assertThatThrownBy(() -> numbers.parse(typed)).hasMessageContaining("required");
        assertThatThrownBy(() -> numbers.parse(null)).hasMessageContaining("required");
    }

    @Test
    void withoutExtensionsShortDigitsMustBeAValidNumber() {
        NumberNormalizer noExtensions = new NumberNormalizer("DE", false);
        assertThatThrownBy(() -> noExtensions.parse("8001"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("extensions are not allowed");
        assertThat(noExtensions.parse("0301234").value()).isEqualTo("+49301234");
        assertThat(noExtensions.allowsExtensions()).isFalse();
    }

    @Test
    void otherDefaultRegionsAndTheDoubleZeroPrefix() {
        NumberNormalizer us = new NumberNormalizer("us", true);
        assertThat(us.defaultRegion()).isEqualTo("US");
        assertThat(us.parse("(415) 555-2671").value()).isEqualTo("+14155552671");
        assertThat(us.parse("0049 30 1234567").value()).as("00 counts as + everywhere").isEqualTo("+49301234567");
        assertThat(us.parse("110").isExtension()).as("not an emergency number in the US").isTrue();
        assertThatThrownBy(() -> us.parse("911")).hasMessageContaining("emergency number in United States");
    }

    @Test
    void unknownRegionFailsAtConstruction() {
        assertThatThrownBy(() -> new NumberNormalizer("XX", true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("default-region 'XX'");
    }

    @Test
    void storedValuesRoundTrip() {
        DialNumber typed = numbers.parse("+1 (415) 555-0100");
        DialNumber stored = DialNumber.fromStored(typed.value());
        assertThat(stored).isEqualTo(typed).hasSameHashCodeAs(typed);
        assertThat(stored.display()).isEqualTo("+1 415-555-0100");
        assertThat(DialNumber.fromStored("1001").isExtension()).isTrue();
        assertThat(DialNumber.fromStored("+9991234567").display()).as("unassigned country code").isEqualTo("+9991234567");
        assertThatThrownBy(() -> DialNumber.fromStored("030 1234567")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DialNumber.fromStored("+0301234567")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DialNumber.fromStored(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
