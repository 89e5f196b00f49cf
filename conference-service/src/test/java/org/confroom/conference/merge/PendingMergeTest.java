package org.confroom.conference.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * How a merge is decided from what its legs did. The partial case (transcript 23 c3: one leg hung up in
 * the few milliseconds after the Redirect, the other joined) cannot be timed reliably over a socket, so it
 * is checked here; MergeServiceTest covers the whole path for DONE, FAILED and refused merges.
 */
class PendingMergeTest {
    private static final String A = "Local/1022@phones-00000001;2";
    private static final String B = "Local/2022@phones-00000002;1";

    @Test
    void oneLegJoinedAndTheOtherHungUpIsPartial() {
        PendingMerge m = new PendingMerge(UUID.randomUUID(), "7502", List.of(A, B));
        assertThat(m.arm()).isFalse();
        assertThat(m.joined(A, "7502")).isFalse();
        assertThat(m.hungUp(B, 16, "Normal Clearing")).isTrue();
        MergeOutcome o = m.decide(c -> false, false, Duration.ofSeconds(8));
        assertThat(o.state()).isEqualTo(MergeState.PARTIAL);
        assertThat(o.legs()).containsExactly(new MergeOutcome.Leg(A, MergeOutcome.LegResult.JOINED, "joined 7502"),
                new MergeOutcome.Leg(B, MergeOutcome.LegResult.HUNG_UP, "hung up before joining (cause 16, Normal Clearing)"));
        assertThat(o.detail()).isEqualTo(A + " joined 7502; " + B + " hung up before joining (cause 16, Normal Clearing)");
        assertThat(m.decide(c -> true, false, Duration.ofSeconds(8))).as("decided once").isNull();
    }

    @Test
    void aJoinInAnotherRoomDoesNotCountAndOpenLegsAreCheckedAgainstTheLiveState() {
        PendingMerge m = new PendingMerge(UUID.randomUUID(), "7502", List.of(A, B));
        m.arm();
        assertThat(m.joined(A, "9999")).isFalse();
        MergeOutcome o = m.decide(A::equals, false, Duration.ofMillis(8000));
        assertThat(o.state()).isEqualTo(MergeState.PARTIAL);
        assertThat(o.legs()).extracting(MergeOutcome.Leg::what)
                .containsExactly("is in 7502 (join seen in the live state)", "did not join 7502 within 8000 ms");
    }

    @Test
    void bothLegsHungUpInALockedRoomSaysSo() {
        PendingMerge m = new PendingMerge(UUID.randomUUID(), "7503", List.of(A, B));
        m.arm();
        m.hungUp(A, 16, "");
        assertThat(m.hungUp(B, 16, "")).isTrue();
        MergeOutcome o = m.decide(c -> false, true, Duration.ofSeconds(8));
        assertThat(o.state()).isEqualTo(MergeState.FAILED);
        assertThat(o.detail()).endsWith("room 7503 is locked");
    }
}
