package org.confroom.conference.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.confroom.ami.codec.RandomTries;
import org.confroom.conference.testsupport.HostileStrings;
import org.junit.jupiter.api.Test;

/** Dial settings with hostile templates and contexts are refused at startup, naming the key; accepted ones make clean dial strings. */
class DialSettingsFuzzTest {
    private static final DialPolicy POLICY = DialPolicy.builder().build();

    @Test
    void hostileTemplatesAndContextsAreRefusedWithTheirKeyOrMakeCleanDialStrings() {
        int tries = RandomTries.tries("dial-settings", 500);
        int[] refused = new int[1];
        RandomTries.run("dial settings", tries, r -> {
            String template = r.nextBoolean() ? "Local/{digits}@" + HostileStrings.next(r) : HostileStrings.next(r) + "/{number}";
            String context = r.nextBoolean() ? "confbridge" : HostileStrings.next(r);
            try {
                DialSettings s = settings(template, context);
                assertThat(s.dialString("+4930123456")).as(template).doesNotContain("\r", "\n", "\0");
                assertThat(s.dialString("+4930123456").chars().noneMatch(Character::isISOControl)).as(template).isTrue();
                assertThat(s.roomContext()).matches("[A-Za-z0-9_.-]{1,80}");
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).containsAnyOf("confroom.pbx.dial-template", "confroom.pbx.room-context");
                refused[0]++;
            }
        });
        System.out.printf(java.util.Locale.ROOT, "FUZZ | conference-service dial settings | %d tries | %d refused naming their key, %d accepted with clean dial strings%n",
                tries, refused[0], tries - refused[0]);
    }

    @Test
    void aTemplateWithALineBreakIsRefusedAtStartup() {
        // found by the fuzz: accepted, so that every Originate was refused later by ami-core's encoder
        assertThatThrownBy(() -> settings("Local/{digits}@phones\r\nApplication: System", "confbridge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confroom.pbx.dial-template must not contain control characters, found U+000D at index 21");
    }

    private static DialSettings settings(String template, String context) {
        return new DialSettings(POLICY, template, context, "click-to-call", Duration.ofSeconds(30), Duration.ofSeconds(5));
    }
}
