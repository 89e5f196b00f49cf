package org.confroom.conference.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** The dial policy as pure logic: no database, no PBX, no clock. */
class DialPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final DialPolicy germanyWithoutPremium = DialPolicy.builder()
            .allowedPrefixes(List.of("+49", "+43")).blockedPrefixes(List.of("+49900", "+4919")).build();

    @Test
    void blockedRangesWinOverAllowedOnes() {
        DialVerdict v = germanyWithoutPremium.checkNumber("+499001234567");
        assertThat(v.allowed()).isFalse();
        assertThat(v.refusal()).isEqualTo(DialVerdict.Refusal.BLOCKED_RANGE);
        assertThat(v.message()).isEqualTo("+499001234567 is in a blocked range (+49900)");
    }

    @Test
    void numbersOutsideTheAllowedRangesAreRefused() {
        DialVerdict v = germanyWithoutPremium.checkNumber("+33123456789");
        assertThat(v.refusal()).isEqualTo(DialVerdict.Refusal.NOT_IN_ALLOWED_RANGE);
        assertThat(v.message()).isEqualTo("+33123456789 is not in an allowed range (+49, +43)");
        assertThat(germanyWithoutPremium.checkNumber("+4930123456").allowed()).isTrue();
        assertThat(germanyWithoutPremium.checkNumber("+43123456789").allowed()).isTrue();
    }

    @Test
    void withoutAllowedPrefixesEverythingNotBlockedIsAllowed() {
        DialPolicy p = DialPolicy.builder().blockedPrefixes(List.of("+900")).build();
        assertThat(p.checkNumber("+33123456789").allowed()).isTrue();
        assertThat(p.checkNumber("+9001234567").refusal()).isEqualTo(DialVerdict.Refusal.BLOCKED_RANGE);
    }

    @Test
    void extensionsFollowTheirOwnSwitchAndIgnorePrefixes() {
        assertThat(germanyWithoutPremium.checkNumber("1001").allowed()).isTrue();
        DialVerdict v = germanyWithoutPremium.toBuilder().allowExtensions(false).build().checkNumber("1001");
        assertThat(v.refusal()).isEqualTo(DialVerdict.Refusal.EXTENSION_NOT_ALLOWED);
        assertThat(v.message()).contains("1001").contains("extension");
    }

    @Test
    void cooldownCountsFromTheLastAttempt() {
        DialPolicy p = DialPolicy.builder().cooldown(Duration.ofSeconds(10)).build();
        assertThat(p.checkCooldown("1001", Optional.empty(), NOW).allowed()).isTrue();
        DialVerdict v = p.checkCooldown("1001", Optional.of(NOW.minusSeconds(3)), NOW);
        assertThat(v.refusal()).isEqualTo(DialVerdict.Refusal.COOLDOWN);
        assertThat(v.message()).isEqualTo("1001 was dialled 3 s ago; the cooldown is 10 s, try again in 7 s");
        assertThat(p.checkCooldown("1001", Optional.of(NOW.minusSeconds(10)), NOW).allowed()).isTrue();
        assertThat(p.toBuilder().cooldown(Duration.ZERO).build().checkCooldown("1001", Optional.of(NOW), NOW).allowed()).isTrue();
    }

    @Test
    void capsPerRoomAndPerPbx() {
        DialPolicy p = DialPolicy.builder().maxConcurrent(2, 3).build();
        assertThat(p.mayStart(OptionalInt.of(0), 0)).isTrue();
        assertThat(p.mayStart(OptionalInt.of(1), 2)).isTrue();
        assertThat(p.mayStart(OptionalInt.of(2), 2)).as("room full").isFalse();
        assertThat(p.mayStart(OptionalInt.of(0), 3)).as("PBX full").isFalse();
        assertThat(p.mayStart(OptionalInt.empty(), 2)).as("click-to-call has no room cap").isTrue();
        assertThat(p.mayStart(OptionalInt.empty(), 3)).isFalse();
    }

    @Test
    void retriesOnlyBusyAndNoAnswerUpToTheMaximum() {
        DialPolicy p = DialPolicy.builder().retries(2, Duration.ofSeconds(30)).build();
        assertThat(p.retryAt(FailureReason.BUSY, 1, NOW)).contains(NOW.plusSeconds(30));
        assertThat(p.retryAt(FailureReason.NO_ANSWER, 2, NOW)).contains(NOW.plusSeconds(30));
        assertThat(p.retryAt(FailureReason.NO_ANSWER, 3, NOW)).as("third attempt was the last").isEmpty();
        for (FailureReason r : List.of(FailureReason.CONGESTION, FailureReason.NO_ROUTE, FailureReason.CANCELLED,
                FailureReason.REJECTED, FailureReason.LOST, FailureReason.POLICY, FailureReason.ERROR)) {
            assertThat(p.retryAt(r, 1, NOW)).as(r.name()).isEmpty();
        }
        assertThat(p.toBuilder().retries(0, Duration.ZERO).build().retryAt(FailureReason.BUSY, 1, NOW)).isEmpty();
    }

    @Test
    void malformedConfigurationNamesTheKey() {
        assertThatThrownBy(() -> DialPolicy.builder().blockedPrefixes(List.of("900")))
                .hasMessageContaining("confroom.dial.blocked-prefixes").hasMessageContaining("'900'");
        assertThatThrownBy(() -> DialPolicy.builder().maxConcurrent(0, 5)).hasMessageContaining("max-concurrent");
    }
}
