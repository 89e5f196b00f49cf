package org.confroom.conference.invite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.confroom.conference.invitee.InviteeRole;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.action.Hangup;
import org.confroom.ami.action.Originate;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.sim.SimControls;
import org.confroom.conference.pbx.PbxConnection;
import org.confroom.conference.room.Room;
import org.confroom.conference.testsupport.AmiSimTestResource;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Attempts whose Originate outcome became unknown: the AMI connection drops while dialling, or the
 * simulated Asterisk restarts. They are reconciled by their ChannelId after the reconnect and never
 * sent twice.
 */
@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class AttemptReconciliationTest {
    @Inject
    InvitationService invitations;

    @Inject
    AttemptTestSupport support;

    @Inject
    PbxConnection pbx;

    @Inject
    AttemptDispatcher dispatcher;

    private PbxEventRecorder recorder;
    private SimControls sim;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(AmiSimTestResource.simulator() != null, "needs the simulator's fault controls (not run against a real Asterisk)");
        sim = AmiSimTestResource.simulator().controls();
        support.use(s -> s);
        awaitPbxReady();
        recorder = new PbxEventRecorder();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sim == null) {
            return;
        }
        sim.stallReading(false);
        recorder.close();
        awaitPbxReady();
    }

    @Test
    void originateLostWithTheConnectionIsNeverResentAndEndsLost() throws Exception {
        Room room = support.room("5201");
        long sentBefore = pbx.client().stats().actionsSent();
        sim.stallReading(true);
        CallAttempt a = invitations.invite(room.id, "1201", InviteeRole.PARTICIPANT, "alice");
        support.await(a.id, AttemptState.DIALING);
        Awaits.until(() -> pbx.client().stats().actionsSent() > sentBefore, AttemptTestSupport.WAIT, "the Originate to be queued");
        Thread.sleep(100); // the client's writer thread puts it on the wire at once; the stalled simulator holds it
        sim.dropAllConnections();
        sim.stallReading(false);

        CallAttempt lost = support.awaitFailure(a.id, FailureReason.LOST);
        assertThat(lost.outcomeUnknown).isTrue();
        assertThat(lost.failureDetail).contains("not sent again");
        Thread.sleep(1200); // a dispatch tick and more: a re-sent Originate would show up now
        assertThat(recorder.count("Newchannel", a.id.toString())).as("the stalled Originate never ran and was not re-sent").isZero();
        assertThat(support.attempts(room.id, "1201")).singleElement()
                .satisfies(x -> assertThat(x.state()).isEqualTo(AttemptState.FAILED));
    }

    @Test
    void ringingCallFoundAfterReconnectFinishesFromItsEvents() throws Exception {
        support.use(s -> s.withRingTimeout(Duration.ofSeconds(40))); // 2 s of ringing in the simulator
        Room room = support.room("5202");
        CallAttempt a = invitations.invite(room.id, "9202", InviteeRole.PARTICIPANT, "alice");
        recorder.await("Newchannel", a.id.toString(), AttemptTestSupport.WAIT);
        sim.dropAllConnections();

        CallAttempt unknown = support.await(a.id, x -> x.outcomeUnknown, "to be flagged outcome unknown");
        assertThat(unknown.state()).as("still ringing on the PBX").isEqualTo(AttemptState.DIALING);
        CallAttempt failed = support.awaitFailure(a.id, FailureReason.NO_ANSWER);
        assertThat(failed.outcomeUnknown).isTrue();
        assertThat(recorder.count("Newchannel", a.id.toString())).as("sent once").isEqualTo(1);
    }

    @Test
    void joinedCallSurvivesAReconnectAndEndsWhenAsteriskRestarts() throws Exception {
        Room room = support.room("5203");
        CallAttempt a = invitations.invite(room.id, "1203", InviteeRole.PARTICIPANT, "alice");
        support.await(a.id, AttemptState.JOINED);
        sim.dropAllConnections();
        awaitPbxReady();
        Thread.sleep(500); // the reconciliation after the reconnect has run by now
        assertThat(support.load(a.id).state()).as("still in the room").isEqualTo(AttemptState.JOINED);

        sim.restart();
        CallAttempt ended = support.await(a.id, AttemptState.ENDED);
        assertThat(ended.endedAt()).isAfter(ended.joinedAt());
        assertThat(recorder.count("Newchannel", a.id.toString())).isEqualTo(1);
    }

    @Test
    void answeredCallWhoseEventsWereLostIsFoundInTheRoom() throws Exception {
        Room room = support.room("5204");
        sim.slowWriter(Duration.ofMillis(300)); // the PBX acts at once but tells the client slowly
        CallAttempt a = invitations.invite(room.id, "1204", InviteeRole.PARTICIPANT, "alice");
        Awaits.until(() -> sim.memberCount("5204") == 1, AttemptTestSupport.WAIT, "the phone to be in conference 5204");
        sim.dropAllConnections(); // the OriginateResponse and the ConfbridgeJoin are lost with the connection
        sim.slowWriter(Duration.ZERO);

        CallAttempt joined = support.await(a.id, AttemptState.JOINED);
        assertThat(joined.outcomeUnknown).isTrue();
        assertThat(joined.channel).startsWith("Local/1204@phones-");
        pbx.client().send(Hangup.of(joined.channel)).get(5, TimeUnit.SECONDS);
        support.await(a.id, AttemptState.ENDED);
        assertThat(sim.memberCount("5204")).isZero();
    }

    @Test
    void attemptsLeftDialingByACrashedProcessAreReconciledNotResent() throws Exception {
        Room room = support.room("5205");
        // a previous process claimed two attempts; one Originate reached the PBX before it died
        CallAttempt reached = support.dialingRow(room, "1205");
        CallAttempt neverSent = support.dialingRow(room, "1206");
        pbx.client().originate(Originate.builder("Local/1205@phones").dialplan("confbridge", "5205", 1)
                .channelId(reached.id.toString()).build(), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);

        dispatcher.recoverAttemptsOnPbx();
        dispatcher.requestRound();

        CallAttempt joined = support.await(reached.id, AttemptState.JOINED);
        assertThat(joined.outcomeUnknown).isTrue();
        CallAttempt lost = support.awaitFailure(neverSent.id, FailureReason.LOST);
        assertThat(lost.outcomeUnknown).isTrue();
        assertThat(recorder.count("Newchannel", neverSent.id.toString())).isZero();
        assertThat(recorder.count("Newchannel", reached.id.toString())).isEqualTo(1);
        pbx.client().send(Hangup.of(joined.channel)).get(5, TimeUnit.SECONDS);
        support.await(reached.id, AttemptState.ENDED);
    }

    private void awaitPbxReady() throws InterruptedException {
        Awaits.until(() -> pbx.state() == ConnectionState.READY, AttemptTestSupport.WAIT, "the PBX connection to be ready");
    }
}
