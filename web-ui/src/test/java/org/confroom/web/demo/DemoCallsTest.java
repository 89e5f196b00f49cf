package org.confroom.web.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.confroom.conference.ConflictException;
import org.confroom.conference.ValidationException;
import org.junit.jupiter.api.Test;

/** The input rules of a demo call; nothing here reaches the PBX. */
class DemoCallsTest {
    private static DemoCalls calls(boolean demoMode) {
        DemoCalls c = new DemoCalls();
        c.demo = new DemoMode() {
            @Override
            public boolean enabled() {
                return demoMode;
            }
        };
        return c;
    }

    @Test
    void refusedOutsideDemoMode() {
        assertThatThrownBy(() -> calls(false).place("1001", "2002", "Alice", "op")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("demo mode");
    }

    @Test
    void numbersAreTwoToFifteenDigits() {
        DemoCalls c = calls(true);
        assertThatThrownBy(() -> c.place("", "2002", "A", "op")).isInstanceOfSatisfying(ValidationException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo("from: required"));
        assertThatThrownBy(() -> c.place("1", "2002", "A", "op")).hasMessage("from: digits only, 2 to 15 of them (for example 1001)");
        assertThatThrownBy(() -> c.place("1001", "+492002", "A", "op")).hasMessageStartingWith("to: digits only");
        assertThatThrownBy(() -> c.place("1001", "1234567890123456", "A", "op")).hasMessageStartingWith("to: digits only");
        assertThatThrownBy(() -> c.place("1001", "1001", "A", "op")).hasMessage("to: must differ from the calling number");
    }

    @Test
    void namesThatWouldBreakTheCallerIdAreRefused() {
        DemoCalls c = calls(true);
        assertThatThrownBy(() -> c.place("1001", "2002", "Eve \"x\" <1>", "op")).hasMessageStartingWith("name: must not contain");
        assertThatThrownBy(() -> c.place("1001", "2002", "a\r\nAction: Command", "op")).hasMessageStartingWith("name: must not contain");
        assertThatThrownBy(() -> c.place("1001", "2002", "x".repeat(41), "op")).hasMessage("name: at most 40 characters");
    }
}
