package org.confroom.conference.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.action.Hangup;
import org.confroom.conference.ConflictException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.invite.AttemptKind;
import org.confroom.conference.invite.AttemptState;
import org.confroom.conference.invite.AttemptTestSupport;
import org.confroom.conference.invite.CallAttempt;
import org.confroom.conference.invite.FailureReason;
import org.confroom.conference.pbx.PbxConnection;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Click-to-call against the simulated Asterisk: the {@code [calls]} context dials the second number. */
@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class ClickToCallServiceTest {
    @Inject
    ClickToCallService calls;

    @Inject
    PbxConnection pbx;

    @Inject
    AttemptTestSupport support;

    @Test
    void callsTheFirstNumberAndConnectsItToTheSecond() throws Exception {
        CallAttempt queued = calls.call("1701", "030 1701701", "api:crm");
        assertThat(queued.kind).isEqualTo(AttemptKind.CLICK_TO_CALL);
        assertThat(queued.roomId).isNull();
        assertThat(queued.connectTo).isEqualTo("+49301701701");

        CallAttempt connected = support.await(queued.id, AttemptState.JOINED);
        assertThat(connected.answeredAt()).isNotNull();
        assertThat(connected.dialString).isEqualTo("Local/1701@phones");
        assertThat(connected.channel).startsWith("Local/1701@phones-");
        assertThatThrownBy(() -> calls.call("1701", "+49 30 1701701", "api:crm")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already being dialled");

        pbx.client().send(Hangup.of(connected.channel)).get(5, TimeUnit.SECONDS);
        assertThat(support.await(queued.id, AttemptState.ENDED).endedAt()).isNotNull();
    }

    @Test
    void aBusySecondNumberFailsTheCallWithItsReason() throws Exception {
        CallAttempt queued = calls.call("1702", "8702", "alice");
        CallAttempt failed = awaitFinal(queued.id);
        assertThat(failed.failureReason()).isEqualTo(FailureReason.BUSY);
        assertThat(failed.answeredAt()).as("the first phone answered").isNotNull();
        assertThat(failed.failureDetail).contains("before the second number answered");
    }

    @Test
    void aBusyFirstNumberFailsAtOnce() throws Exception {
        CallAttempt failed = awaitFinal(calls.call("8703", "1703", "alice").id);
        assertThat(failed.failureReason()).isEqualTo(FailureReason.BUSY);
        assertThat(failed.answeredAt()).isNull();
    }

    @Test
    void bothNumbersAreCheckedAndNamedInTheError() {
        assertThatThrownBy(() -> calls.call("call me", "1704", "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> calls.call("1704", "", "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> calls.call("1704", " 1704", "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> CallAttempt.count("number = ?1 or connectTo = ?1", "1704")))
                .isZero();
    }

    @Test
    void theSchemaKeepsInvitesInRoomsAndCallsOutOfThem() {
        assertThatThrownBy(() -> insertRaw("INVITE", null)).hasStackTraceContaining("call_attempt_room_iff_invite");
        assertThatThrownBy(() -> insertRaw("CLICK_TO_CALL", null)).hasStackTraceContaining("call_attempt_connect_to_iff_click_to_call");
    }

    private static void insertRaw(String kind, String connectTo) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                "insert into call_attempt (id, pbx_id, room_id, number, kind, connect_to, state, requested_by) "
                        + "values (?1, (select min(id) from pbx), null, '1705', ?2, ?3, 'QUEUED', 'test')")
                .setParameter(1, UUID.randomUUID()).setParameter(2, kind).setParameter(3, connectTo).executeUpdate());
    }

    private CallAttempt awaitFinal(UUID id) throws InterruptedException {
        return support.await(id, a -> a.state().isFinal(), "to finish");
    }
}
