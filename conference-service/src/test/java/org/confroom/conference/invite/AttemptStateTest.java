package org.confroom.conference.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The transition table and the entity methods that enforce it. */
class AttemptStateTest {
    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-29T10:00:00Z");

    @Test
    void tableAllowsExactlyTheDocumentedTransitions() {
        assertNext(AttemptState.QUEUED, AttemptState.DIALING, AttemptState.FAILED);
        assertNext(AttemptState.DIALING, AttemptState.QUEUED, AttemptState.ANSWERED, AttemptState.JOINED, AttemptState.FAILED);
        assertNext(AttemptState.ANSWERED, AttemptState.JOINED, AttemptState.FAILED);
        assertNext(AttemptState.JOINED, AttemptState.ENDED);
        assertNext(AttemptState.ENDED);
        assertNext(AttemptState.FAILED);
    }

    @Test
    void happyPathStampsEveryTimestamp() {
        CallAttempt a = CallAttempt.queued(UUID.randomUUID(), T);
        a.moveTo(AttemptState.DIALING, T.plusSeconds(1));
        a.moveTo(AttemptState.ANSWERED, T.plusSeconds(2));
        a.moveTo(AttemptState.JOINED, T.plusSeconds(3));
        a.moveTo(AttemptState.ENDED, T.plusSeconds(4));
        assertThat(a.queuedAt()).isEqualTo(T);
        assertThat(a.dialingAt()).isEqualTo(T.plusSeconds(1));
        assertThat(a.answeredAt()).isEqualTo(T.plusSeconds(2));
        assertThat(a.joinedAt()).isEqualTo(T.plusSeconds(3));
        assertThat(a.endedAt()).isEqualTo(T.plusSeconds(4));
        assertThat(a.finishedAt()).isEqualTo(T.plusSeconds(4));
    }

    @Test
    void illegalTransitionsAreRefused() {
        CallAttempt a = CallAttempt.queued(UUID.randomUUID(), T);
        assertThatThrownBy(() -> a.moveTo(AttemptState.JOINED, T)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("QUEUED to JOINED");
        a.fail(FailureReason.CANCELLED, "by alice", T);
        assertThat(a.state()).isEqualTo(AttemptState.FAILED);
        assertThat(a.failureReason()).isEqualTo(FailureReason.CANCELLED);
        assertThatThrownBy(() -> a.fail(FailureReason.BUSY, null, T)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> a.moveTo(AttemptState.DIALING, T)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anOriginateThatNeverLeftGoesBackToTheQueue() {
        CallAttempt a = CallAttempt.queued(UUID.randomUUID(), T);
        a.moveTo(AttemptState.DIALING, T);
        assertThat(AttemptChanges.requeued().applyTo(a, T)).isTrue();
        assertThat(a.state()).isEqualTo(AttemptState.QUEUED);
        assertThat(a.dialingAt()).as("as if never claimed: no cooldown starts").isNull();
        a.moveTo(AttemptState.DIALING, T);
        a.moveTo(AttemptState.ANSWERED, T);
        assertThat(AttemptChanges.requeued().applyTo(a, T)).as("only from DIALING").isFalse();
    }

    @Test
    void lateEventsAreNoOps() {
        CallAttempt a = CallAttempt.queued(UUID.randomUUID(), T);
        a.moveTo(AttemptState.DIALING, T);
        // ConfbridgeJoin overtook the OriginateResponse
        assertThat(AttemptChanges.joined("Local/1001@phones-00000001;1").applyTo(a, T)).isTrue();
        assertThat(AttemptChanges.answered("Local/1001@phones-00000001;1", "7").applyTo(a, T)).isFalse();
        assertThat(AttemptChanges.ended().applyTo(a, T)).isTrue();
        assertThat(AttemptChanges.hungUp(16, "Normal Clearing", new TrackedCall(a.id)).applyTo(a, T)).isFalse();
        assertThat(a.state()).isEqualTo(AttemptState.ENDED);
    }

    @Test
    void hangupBeforeJoinRejectsAnInviteAndReportsTheSecondLegOfACall() {
        CallAttempt invite = answered(AttemptKind.INVITE);
        assertThat(AttemptChanges.hungUp(0, "Unknown", new TrackedCall(invite.id)).applyTo(invite, T)).isTrue();
        assertThat(invite.failureReason()).isEqualTo(FailureReason.REJECTED);
        assertThat(invite.failureDetail).contains("before joining the room");

        CallAttempt call = answered(AttemptKind.CLICK_TO_CALL);
        TrackedCall tracked = new TrackedCall(call.id);
        tracked.secondLegFailure(FailureReason.BUSY);
        AttemptChanges.hungUp(17, "User busy", tracked).applyTo(call, T);
        assertThat(call.failureReason()).isEqualTo(FailureReason.BUSY);
    }

    @Test
    void hangupWhileDialingWaitsForTheOriginateResponseUnlessItIsLost() {
        CallAttempt a = CallAttempt.queued(UUID.randomUUID(), T);
        a.moveTo(AttemptState.DIALING, T);
        TrackedCall tracked = new TrackedCall(a.id);
        assertThat(AttemptChanges.hungUp(19, "No answer", tracked).applyTo(a, T)).isFalse();
        a.outcomeUnknown = true;
        assertThat(AttemptChanges.hungUp(19, "No answer", tracked).applyTo(a, T)).isTrue();
        assertThat(a.failureReason()).isEqualTo(FailureReason.NO_ANSWER);
    }

    private static CallAttempt answered(AttemptKind kind) {
        CallAttempt a = CallAttempt.queued(UUID.randomUUID(), T);
        a.kind = kind;
        a.moveTo(AttemptState.DIALING, T);
        a.moveTo(AttemptState.ANSWERED, T);
        return a;
    }

    private static void assertNext(AttemptState from, AttemptState... allowed) {
        Set<AttemptState> expected = allowed.length == 0 ? EnumSet.noneOf(AttemptState.class) : EnumSet.of(allowed[0], allowed);
        for (AttemptState to : AttemptState.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(expected.contains(to));
        }
    }
}
