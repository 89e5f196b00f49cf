package org.confroom.conference.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confroom.conference.invitee.InviteeRole;
import org.confroom.conference.live.ListenerRegistry;
import org.confroom.conference.room.Room;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Post-commit notices of attempt changes: every state an invite goes through, seen only once committed. */
@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class AttemptNoticesTest {
    @Inject
    AttemptNotices notices;

    @Inject
    InvitationService invitations;

    @Inject
    AttemptProgress progress;

    @Inject
    AttemptTestSupport support;

    private final List<AttemptNotice.Changed> seen = new CopyOnWriteArrayList<>();
    /** For each notice: the state stored when it arrived (read in a new transaction). */
    private final List<AttemptState> storedWhenSeen = new CopyOnWriteArrayList<>();
    private ListenerRegistry.Subscription subscription;

    @BeforeEach
    void subscribe() {
        support.use(s -> s);
        subscription = notices.subscribe(n -> {
            if (n instanceof AttemptNotice.Changed c) {
                storedWhenSeen.add(progress.load(c.attemptId()).map(CallAttempt::state).orElse(null));
                seen.add(c);
            }
        });
    }

    @AfterEach
    void unsubscribe() {
        subscription.close();
    }

    @Test
    void everyStepOfAnInviteIsToldAfterItsCommit() throws Exception {
        Room room = support.room("5901");
        CallAttempt queued = invitations.invite(room.id, "1901", InviteeRole.PARTICIPANT, "alice");
        support.await(queued.id, AttemptState.JOINED);
        Awaits.until(() -> states(queued.id).contains(AttemptState.JOINED), AttemptTestSupport.WAIT,
                () -> "a JOINED notice (seen " + seen + ")");
        assertThat(states(queued.id)).containsSubsequence(AttemptState.QUEUED, AttemptState.DIALING, AttemptState.ANSWERED,
                AttemptState.JOINED);
        assertThat(seen).filteredOn(c -> c.attemptId().equals(queued.id)).allSatisfy(c -> {
            assertThat(c.roomId()).isEqualTo(room.id);
            assertThat(c.concernsRoom(room.id)).isTrue();
            assertThat(c.concernsRoom(room.id + 1)).isFalse();
        });
        // the row a subscriber reads is never older than the notice that woke it
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).attemptId().equals(queued.id)) {
                assertThat(storedWhenSeen.get(i)).isNotNull();
                assertThat(storedWhenSeen.get(i).ordinal()).isGreaterThanOrEqualTo(seen.get(i).state().ordinal());
            }
        }
    }

    @Test
    void aRolledBackChangeIsNotTold() throws Exception {
        Room room = support.room("5902");
        CallAttempt row = support.dialingRow(room, "1902");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            progress.applyInCurrent(row.id, "test", AttemptChanges.failed(FailureReason.ERROR, "rolled back"));
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        QuarkusTransaction.requiringNew().run(() -> progress.applyInCurrent(row.id, "test",
                AttemptChanges.failed(FailureReason.LOST, "committed")));
        Awaits.until(() -> !states(row.id).isEmpty(), AttemptTestSupport.WAIT, "the committed change to be told");
        Thread.sleep(200); // a notice of the rolled-back change would have been published before the committed one
        assertThat(seen).filteredOn(c -> c.attemptId().equals(row.id)).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(AttemptState.FAILED));
        assertThat(support.load(row.id).failureReason()).isEqualTo(FailureReason.LOST);
    }

    private List<AttemptState> states(UUID id) {
        return seen.stream().filter(c -> c.attemptId().equals(id)).map(AttemptNotice.Changed::state).toList();
    }
}
