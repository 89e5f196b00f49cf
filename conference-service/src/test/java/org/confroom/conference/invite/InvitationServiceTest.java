package org.confroom.conference.invite;

import org.confroom.conference.invitee.InviteeRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.action.ConfbridgeLock;
import org.confroom.ami.action.Hangup;
import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.pbx.PbxConnection;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomService;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Invitations end to end: service, dispatcher and PostgreSQL against the simulated Asterisk over AMI. */
@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class InvitationServiceTest {
    @Inject
    InvitationService invitations;

    @Inject
    AttemptTestSupport support;

    @Inject
    RoomService rooms;

    @Inject
    PbxConnection pbx;

    private PbxEventRecorder recorder;

    @BeforeEach
    void setUp() throws Exception {
        support.use(s -> s);
        recorder = new PbxEventRecorder();
    }

    @AfterEach
    void tearDown() {
        recorder.close();
    }

    @Test
    void inviteDialsJoinsTheRoomAndEndsOnHangup() throws Exception {
        Room room = support.room("5101");
        CallAttempt queued = invitations.invite(room.id, "1101", InviteeRole.PARTICIPANT, "alice");
        assertThat(queued.state()).isEqualTo(AttemptState.QUEUED);

        CallAttempt joined = support.await(queued.id, AttemptState.JOINED);
        assertThat(joined.dialingAt()).isNotNull();
        assertThat(joined.answeredAt()).isNotNull().isAfterOrEqualTo(joined.dialingAt());
        assertThat(joined.joinedAt()).isAfterOrEqualTo(joined.answeredAt());
        assertThat(joined.dialString).isEqualTo("Local/1101@phones");
        assertThat(joined.channel).startsWith("Local/1101@phones-").endsWith(";1");
        assertThat(joined.actionId).isNotBlank();
        assertThat(recorder.count("Newchannel", queued.id.toString())).as("one channel with the attempt id").isEqualTo(1);
        assertThat(recorder.count("ConfbridgeJoin", queued.id.toString())).isEqualTo(1);

        pbx.client().send(Hangup.of(joined.channel)).get(5, TimeUnit.SECONDS);
        CallAttempt ended = support.await(queued.id, AttemptState.ENDED);
        assertThat(ended.endedAt()).isAfterOrEqualTo(ended.joinedAt());
        assertThat(support.audits("invite", "1101")).singleElement()
                .satisfies(a -> assertThat(a.outcome).isEqualTo(AuditEvent.Outcome.OK))
                .satisfies(a -> assertThat(a.details).containsEntry("attempt", queued.id.toString()).containsEntry("role", "PARTICIPANT"));
    }

    @Test
    void failuresAreMappedFromTheOriginateReason() throws Exception {
        support.use(s -> s.withRingTimeout(Duration.ofSeconds(10))); // x0.05 in the simulator: 0.5 s of ringing
        Room room = support.room("5102");
        CallAttempt busy = invitations.invite(room.id, "8102", InviteeRole.PARTICIPANT, "alice");
        CallAttempt congestion = invitations.invite(room.id, "7102", InviteeRole.PARTICIPANT, "alice");
        CallAttempt noAnswer = invitations.invite(room.id, "9102", InviteeRole.PARTICIPANT, "alice");
        assertThat(support.awaitFailure(busy.id, FailureReason.BUSY).failureDetail).contains("Reason 5");
        assertThat(support.awaitFailure(congestion.id, FailureReason.CONGESTION).failureDetail).contains("Reason 8");
        assertThat(support.awaitFailure(noAnswer.id, FailureReason.NO_ANSWER).failureDetail).contains("Reason 3");
        assertThat(support.attempts(room.id, "8102")).as("no retries configured").hasSize(1);
    }

    @Test
    void aDialTemplateWithoutRouteFailsNoRoute() throws Exception {
        support.use(s -> s.withDialTemplate("Local/{digits}@nowhere"));
        Room room = support.room("5103");
        CallAttempt a = invitations.invite(room.id, "+4930103103", InviteeRole.PARTICIPANT, "alice");
        CallAttempt failed = support.awaitFailure(a.id, FailureReason.NO_ROUTE);
        assertThat(failed.dialString).isEqualTo("Local/4930103103@nowhere");
        assertThat(failed.number).isEqualTo("+4930103103");
    }

    @Test
    void policyRefusalsLeaveNoAttemptAndAnAuditRow() throws Exception {
        support.use(s -> s.withPolicy(s.policy().toBuilder().allowedPrefixes(List.of("+49"))
                .blockedPrefixes(List.of("+49900")).allowExtensions(false).build()));
        Room room = support.room("5104");
        assertThatThrownBy(() -> invitations.invite(room.id, "+49 900 1234567", InviteeRole.PARTICIPANT, "mallory"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("number"))
                .hasMessage("number: +499001234567 is in a blocked range (+49900)");
        assertThatThrownBy(() -> invitations.invite(room.id, "+33 1 23 45 67 89", InviteeRole.PARTICIPANT, "mallory"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not in an allowed range (+49)");
        assertThatThrownBy(() -> invitations.invite(room.id, "1104", InviteeRole.PARTICIPANT, "mallory"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("extensions may not be dialled");
        assertThatThrownBy(() -> invitations.invite(room.id, "not a number", InviteeRole.PARTICIPANT, "mallory"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("number"));
        assertThat(invitations.recentForRoom(room.id, 10)).isEmpty();
        List<AuditEvent> refused = support.audits("invite", "+49 900 1234567");
        assertThat(refused).singleElement().satisfies(a -> {
            assertThat(a.outcome).isEqualTo(AuditEvent.Outcome.REFUSED);
            assertThat(a.actor).isEqualTo("mallory");
            assertThat(a.roomId).isEqualTo(room.id);
            assertThat(a.details.get("refused").toString()).contains("blocked range");
        });
    }

    @Test
    void roomsMustExistAndBeActive() {
        Room archived = support.room("5105");
        rooms.archive(archived.id, "alice");
        assertThatThrownBy(() -> invitations.invite(archived.id, "1105", InviteeRole.PARTICIPANT, "alice"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("archived");
        assertThatThrownBy(() -> invitations.invite(999_999, "1105", InviteeRole.PARTICIPANT, "alice"))
                .isInstanceOf(NotFoundException.class);
        assertThat(support.audits("invite", "1105")).extracting(a -> a.outcome)
                .containsExactly(AuditEvent.Outcome.REFUSED, AuditEvent.Outcome.REFUSED);
    }

    @Test
    void cooldownRefusesANumberDialledMomentsAgo() throws Exception {
        support.use(s -> s.withPolicy(s.policy().toBuilder().cooldown(Duration.ofMinutes(5)).build()));
        Room first = support.room("5106");
        Room second = support.room("5107");
        CallAttempt a = invitations.invite(first.id, "1106", InviteeRole.PARTICIPANT, "alice");
        support.await(a.id, AttemptState.JOINED);
        assertThatThrownBy(() -> invitations.invite(second.id, "1106", InviteeRole.PARTICIPANT, "bob"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("1106 was dialled").hasMessageContaining("cooldown is 300 s");
        pbx.client().send(Hangup.of(support.load(a.id).channel)).get(5, TimeUnit.SECONDS);
        support.await(a.id, AttemptState.ENDED);
    }

    @Test
    void capsLimitRingingAttemptsAndModeratorsGoFirst() throws Exception {
        support.use(s -> s.withRingTimeout(Duration.ofSeconds(10)).withPolicy(s.policy().toBuilder().maxConcurrent(2, 30).build()));
        Room room = support.room("5108");
        List<CallAttempt> attempts = new ArrayList<>();
        for (String n : List.of("9181", "9182", "9183", "9184")) {
            attempts.add(invitations.invite(room.id, n, InviteeRole.PARTICIPANT, "alice"));
        }
        CallAttempt moderator = invitations.invite(room.id, "9185", InviteeRole.MODERATOR, "alice");
        attempts.add(moderator);
        long[] maxRinging = {0};
        Awaits.until(() -> {
            maxRinging[0] = Math.max(maxRinging[0], support.ringing(room.id));
            return attempts.stream().allMatch(a -> support.load(a.id).state().isFinal());
        }, AttemptTestSupport.WAIT, "all five attempts to finish");
        assertThat(maxRinging[0]).as("at most 2 ringing at once, and the cap is used").isEqualTo(2);
        List<CallAttempt> done = attempts.stream().map(a -> support.load(a.id)).toList();
        assertThat(done).allSatisfy(a -> assertThat(a.failureReason()).isEqualTo(FailureReason.NO_ANSWER));
        CallAttempt mod = support.load(moderator.id);
        assertThat(mod.priority).isLessThan(done.get(2).priority);
        // when both places free at once the moderator and the third participant are claimed together
        assertThat(mod.dialingAt()).as("the moderator overtakes the queued participants")
                .isBeforeOrEqualTo(done.get(2).dialingAt()).isBefore(done.get(3).dialingAt());
    }

    @Test
    void twentyParallelInvitesOfOneNumberDialItOnce() throws Exception {
        Room room = support.room("5109");
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CallAttempt>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String actor = "operator" + i;
            Callable<CallAttempt> invite = () -> {
                start.await();
                return invitations.invite(room.id, "1109", InviteeRole.PARTICIPANT, actor);
            };
            results.add(pool.submit(invite));
        }
        start.countDown();
        List<CallAttempt> queued = new ArrayList<>();
        List<Throwable> refused = new ArrayList<>();
        for (Future<CallAttempt> f : results) {
            try {
                queued.add(f.get(30, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                refused.add(e.getCause());
            }
        }
        pool.shutdown();
        assertThat(queued).hasSize(1);
        assertThat(refused).hasSize(n - 1).allSatisfy(e -> assertThat(e).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already being dialled"));
        CallAttempt joined = support.await(queued.get(0).id, AttemptState.JOINED);
        assertThat(support.attempts(room.id, "1109")).hasSize(1);
        assertThat(recorder.count("Newchannel", joined.id.toString())).as("exactly one Originate reached the PBX").isEqualTo(1);
        assertThat(support.audits("invite", "1109")).extracting(a -> a.outcome).containsOnly(AuditEvent.Outcome.OK,
                AuditEvent.Outcome.REFUSED).filteredOn(o -> o == AuditEvent.Outcome.REFUSED).hasSize(n - 1);
        pbx.client().send(Hangup.of(joined.channel)).get(5, TimeUnit.SECONDS);
        support.await(joined.id, AttemptState.ENDED);
    }

    @Test
    void cancelWhileQueuedOrRinging() throws Exception {
        support.use(s -> s.withRingTimeout(Duration.ofSeconds(120)).withPolicy(s.policy().toBuilder().maxConcurrent(1, 30).build()));
        Room room = support.room("5110");
        CallAttempt ringing = invitations.invite(room.id, "9110", InviteeRole.PARTICIPANT, "alice");
        CallAttempt waiting = invitations.invite(room.id, "9111", InviteeRole.PARTICIPANT, "alice");
        recorder.await("Newchannel", ringing.id.toString(), AttemptTestSupport.WAIT);
        assertThat(support.load(waiting.id).state()).as("room cap 1").isEqualTo(AttemptState.QUEUED);

        CallAttempt cancelledQueued = invitations.cancel(waiting.id, "bob");
        assertThat(cancelledQueued.failureReason()).isEqualTo(FailureReason.CANCELLED);
        assertThat(cancelledQueued.dialingAt()).as("never dialled").isNull();

        support.await(ringing.id, a -> a.channel != null, "to know its channel");
        CallAttempt cancelledRinging = invitations.cancel(ringing.id, "bob");
        assertThat(cancelledRinging.state()).isEqualTo(AttemptState.FAILED);
        assertThat(cancelledRinging.failureReason()).isEqualTo(FailureReason.CANCELLED);
        recorder.await("Hangup", ringing.id.toString(), AttemptTestSupport.WAIT);
        assertThatThrownBy(() -> invitations.cancel(ringing.id, "bob")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("only a QUEUED or DIALING attempt can be cancelled");
        assertThat(support.audits("invite.cancel", "9110")).extracting(a -> a.outcome)
                .containsExactly(AuditEvent.Outcome.OK, AuditEvent.Outcome.REFUSED);
        assertThat(recorder.count("Newchannel", waiting.id.toString())).isZero();
    }

    @Test
    void busyIsRetriedAfterTheDelayUpToTheMaximum() throws Exception {
        support.use(s -> s.withPolicy(s.policy().toBuilder().retries(1, Duration.ofMillis(300)).build()));
        Room room = support.room("5111");
        CallAttempt first = invitations.invite(room.id, "8111", InviteeRole.MODERATOR, "alice");
        support.awaitFailure(first.id, FailureReason.BUSY);
        Awaits.until(() -> support.attempts(room.id, "8111").size() == 2
                && support.attempts(room.id, "8111").get(1).state().isFinal(), AttemptTestSupport.WAIT, "the retry to finish");
        List<CallAttempt> all = support.attempts(room.id, "8111");
        CallAttempt failed = all.get(0);
        CallAttempt retry = all.get(1);
        assertThat(retry.retryOf).isEqualTo(first.id);
        assertThat(retry.attemptNo).isEqualTo(2);
        assertThat(retry.role).isEqualTo(InviteeRole.MODERATOR);
        assertThat(retry.failureReason()).isEqualTo(FailureReason.BUSY);
        assertThat(retry.notBefore).isEqualTo(failed.failedAt().plus(Duration.ofMillis(300)));
        assertThat(retry.dialingAt()).isAfterOrEqualTo(retry.notBefore);
        Thread.sleep(600); // two retry delays: a third attempt would have been queued by now
        assertThat(support.attempts(room.id, "8111")).as("max retries 1").hasSize(2);
        assertThat(support.audits("invite.retry", "8111")).singleElement()
                .satisfies(a -> assertThat(a.actor).isEqualTo("system"));
    }

    @Test
    void dialAllInviteesWithAutoDialModeratorsFirst() throws Exception {
        Room room = support.room("5112");
        long mod = support.contact("Mia Moderator", "1112");
        long part = support.contact("Pat Participant", "+4930112112");
        long manual = support.contact("Max Manual", "1113");
        support.invitee(room.id, part, "PARTICIPANT", true);
        support.invitee(room.id, mod, "MODERATOR", true);
        support.invitee(room.id, manual, "PARTICIPANT", false);
        List<InviteResult> results = invitations.dialInvitees(room.id, "alice");
        assertThat(results).extracting(r -> r.target().contactId()).containsExactly(mod, part);
        assertThat(results).allSatisfy(r -> assertThat(r.queued()).isTrue());
        CallAttempt m = support.await(results.get(0).attempt().id, AttemptState.JOINED);
        CallAttempt p = support.await(results.get(1).attempt().id, AttemptState.JOINED);
        assertThat(m.contactId).isEqualTo(mod);
        assertThat(m.role).isEqualTo(InviteeRole.MODERATOR);
        assertThat(p.number).isEqualTo("+4930112112");
        for (CallAttempt a : List.of(m, p)) {
            pbx.client().send(Hangup.of(a.channel)).get(5, TimeUnit.SECONDS);
        }
        List<InviteResult> again = invitations.inviteAll(room.id, List.of(InviteTarget.contact(999_999, InviteeRole.PARTICIPANT),
                InviteTarget.number("+49 900 1", InviteeRole.PARTICIPANT)), "alice");
        assertThat(again).extracting(InviteResult::refusal).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(again.get(0).refusal()).contains("no contact with id 999999");
    }

    @Test
    void answeredButTurnedAwayByALockedRoomIsRejected() throws Exception {
        Room room = support.room("5113");
        CallAttempt first = invitations.invite(room.id, "1113", InviteeRole.MODERATOR, "alice");
        CallAttempt inRoom = support.await(first.id, AttemptState.JOINED);
        pbx.client().send(new ConfbridgeLock("5113")).get(5, TimeUnit.SECONDS);
        CallAttempt late = invitations.invite(room.id, "1114", InviteeRole.PARTICIPANT, "alice");
        CallAttempt rejected = support.awaitFailure(late.id, FailureReason.REJECTED);
        assertThat(rejected.answeredAt()).as("Asterisk answered it (Reason 4) before conf-locked").isNotNull();
        assertThat(rejected.failureDetail).contains("before joining the room");
        pbx.client().send(Hangup.of(inRoom.channel)).get(5, TimeUnit.SECONDS);
        support.await(first.id, AttemptState.ENDED);
    }
}
