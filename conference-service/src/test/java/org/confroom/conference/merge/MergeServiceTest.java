package org.confroom.conference.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.confroom.conference.live.SimPbx.await;
import static org.confroom.conference.live.SimPbx.awaitValue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.action.ConfbridgeKick;
import org.confroom.ami.action.ConfbridgeLock;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.live.LiveRoom;
import org.confroom.conference.live.LivePbxTest;
import org.confroom.conference.live.SimPbx;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class MergeServiceTest extends LivePbxTest {
    @Inject
    MergeService merges;

    @Inject
    LiveCalls calls;

    @Inject
    RoomService rooms;

    @BeforeEach
    void callsRead() {
        await("live calls read", () -> !calls.stale());
    }

    @Test
    void liveCallIsListedAndMergedWhenBothLegsJoin() throws Exception {
        Room room = rooms.create(RoomDraft.of("7501", "Merge room"), "alice");
        String a = pbx.twoPartyCall("1021", "2021", "Alice");
        LiveCall call = awaitValue("call listed", () -> calls.callOf(a).orElse(null));
        assertThat(call.a().channel().equals(a) ? call.b() : call.a()).satisfies(b -> {
            assertThat(b.channel()).startsWith("Local/2021@phones-").endsWith(";1");
            assertThat(b.callerIdNum()).isEqualTo("2021");
        });
        assertThat(call.duration().isNegative()).isFalse();

        MergeTicket ticket = merges.merge(call.id(), room.id, "alice");
        assertThat(ticket.state()).isEqualTo(MergeState.SENT);
        MergeOutcome outcome = ticket.outcome().get(15, TimeUnit.SECONDS);
        assertThat(outcome.state()).isEqualTo(MergeState.DONE);
        assertThat(outcome.legs()).extracting(MergeOutcome.Leg::result)
                .containsOnly(MergeOutcome.LegResult.JOINED);

        MergeRequest row = merges.find(ticket.id()).orElseThrow();
        assertThat(row.state).isEqualTo(MergeState.DONE);
        assertThat(row.channelA).isEqualTo(call.a().channel());
        assertThat(row.channelB).isEqualTo(call.b().channel());
        assertThat(row.sentAt).isNotNull();
        assertThat(row.finishedAt).isNotNull();
        await("both members live", () -> live.room("7501").map(LiveRoom::memberCount).orElse(0) == 2);
        await("call gone from the list", () -> calls.call(call.id()).isEmpty());
        assertThat(audit(room.id)).containsExactly("room.create OK", "merge.request OK", "merge.result OK");
        pbx.send(new ConfbridgeKick("7501", "all"));
    }

    @Test
    void bothRedirectedLegsJoinTogetherWithoutTheAlonePrompt() throws Exception {
        // transcript 10: the two legs of a dual Redirect reach the new conference in the same instant, so the
        // first one does not hear conf-onlyperson; both ConfbridgeJoins come at once (the partial case, a leg
        // hung up within the Redirect's few milliseconds, is decided in PendingMergeTest)
        Room room = rooms.create(RoomDraft.of("7502", "Together room"), "alice");
        String a = pbx.twoPartyCall("1022", "2022", "Bob");
        LiveCall call = awaitValue("call listed", () -> calls.callOf(a).orElse(null));
        MergeOutcome outcome = merges.merge(call.id(), room.id, "alice").outcome().get(15, TimeUnit.SECONDS);
        assertThat(outcome.state()).isEqualTo(MergeState.DONE);
        LiveRoom joined = awaitValue("both members", () -> live.room("7502").filter(r -> r.memberCount() == 2).orElse(null));
        // with the prompt the first leg would enter the bridge joinPrompt (3 s x 0.05 = 150 ms) after the second
        Duration apart = Duration.between(joined.members().get(0).joinedAt(), joined.members().get(1).joinedAt()).abs();
        assertThat(apart).as("both legs joined in the same instant").isLessThan(Duration.ofMillis(60));
        pbx.send(new ConfbridgeKick("7502", "all"));
    }

    @Test
    void mergeIntoALockedRoomFailsWhenBothLegsAreRejected() throws Exception {
        // transcript 23 d: Dual Redirect successful, both legs hear conf-locked and hang up, no Confbridge event
        Room room = rooms.create(RoomDraft.of("7503", "Locked room"), "alice");
        pbx.joinQuiet("7503", "1023", "Carol");
        pbx.send(new ConfbridgeLock("7503"));
        String a = pbx.twoPartyCall("1024", "2024", "Dave");
        LiveCall call = awaitValue("call listed", () -> calls.callOf(a).orElse(null));

        MergeOutcome outcome = merges.merge(call.id(), room.id, "alice").outcome().get(15, TimeUnit.SECONDS);
        assertThat(outcome.state()).isEqualTo(MergeState.FAILED);
        assertThat(outcome.legs()).extracting(MergeOutcome.Leg::result).containsOnly(MergeOutcome.LegResult.HUNG_UP);
        assertThat(outcome.detail()).containsAnyOf("room 7503 is locked", "a locked conference rejects callers this way");
        assertThat(merges.find(outcome.id()).orElseThrow().detail).isEqualTo(outcome.detail());
        assertThat(live.room("7503").orElseThrow().memberCount()).isEqualTo(1);
        pbx.send(new ConfbridgeKick("7503", "all"));
    }

    @Test
    void pullMovesOneChannel() throws Exception {
        Room room = rooms.create(RoomDraft.of("7504", "Pull room"), "alice");
        String a = pbx.twoPartyCall("1025", "2025", "Erin");
        awaitValue("call listed", () -> calls.callOf(a).orElse(null));
        MergeOutcome outcome = merges.pull(a, room.id, "alice").outcome().get(15, TimeUnit.SECONDS);
        assertThat(outcome.state()).isEqualTo(MergeState.DONE);
        assertThat(merges.find(outcome.id()).orElseThrow().channelB).isNull();
        await("puller live", () -> live.room("7504").flatMap(r -> r.member(a)).isPresent());
        assertThat(audit(room.id)).containsExactly("room.create OK", "pull.request OK", "pull.result OK");
        pbx.send(new ConfbridgeKick("7504", "all"));
    }

    @Test
    void refusalsNameTheProblemAndAreAudited() {
        Room room = rooms.create(RoomDraft.of("7505", "Refusing room"), "alice");
        assertThatThrownBy(() -> merges.merge("no-such-bridge", room.id, "bob")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no live two-party call no-such-bridge");
        assertThatThrownBy(() -> merges.merge(" ", room.id, "bob"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("callId"));
        assertThatThrownBy(() -> merges.pull("Local/1@phones-ffffffff;1", room.id, "bob"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("not in a live two-party call");
        assertThatThrownBy(() -> merges.merge("x", 987655L, "bob")).isInstanceOf(NotFoundException.class);
        rooms.archive(room.id, "alice");
        assertThatThrownBy(() -> merges.merge("x", room.id, "bob")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("archived");
        assertThat(audit(room.id)).containsExactly("room.create OK", "merge.request REFUSED", "merge.request REFUSED",
                "pull.request REFUSED", "room.archive OK", "merge.request REFUSED");
    }

    @Test
    void subscribersGetTheListAfterEachChangeAndRecentListsNewestFirst() throws Exception {
        Room room = rooms.create(RoomDraft.of("7506", "Subscribed room"), "alice");
        java.util.concurrent.BlockingQueue<List<LiveCall>> lists = new java.util.concurrent.LinkedBlockingQueue<>();
        try (var subscription = calls.subscribe(lists::add)) {
            String a = pbx.twoPartyCall("1026", "2026", "Frank");
            List<LiveCall> withCall = awaitValue("a list with the call",
                    () -> poll(lists, l -> l.stream().anyMatch(c -> c.has(a))));
            LiveCall call = withCall.stream().filter(c -> c.has(a)).findFirst().orElseThrow();
            assertThat(calls.calls()).contains(call);

            MergeTicket first = merges.pull(a, room.id, "alice");
            first.outcome().get(15, TimeUnit.SECONDS);
            awaitValue("a list without the call", () -> poll(lists, l -> l.stream().noneMatch(c -> c.id().equals(call.id()))));
        }
        String a2 = pbx.twoPartyCall("1027", "2027", "Grace");
        LiveCall second = awaitValue("second call listed", () -> calls.callOf(a2).orElse(null));
        MergeTicket latest = merges.merge(second.id(), room.id, "bob");
        MergeOutcome latestOutcome = latest.outcome().get(15, TimeUnit.SECONDS);
        assertThat(merges.outcome(latest.id())).contains(latestOutcome);
        assertThat(merges.outcome(java.util.UUID.randomUUID())).isEmpty();

        List<MergeRequest> recent = merges.recent(2);
        assertThat(recent).hasSize(2);
        assertThat(recent.get(0).id).isEqualTo(latest.id());
        assertThat(recent.get(0).requestedBy).isEqualTo("bob");
        assertThat(recent.get(0).state).isEqualTo(MergeState.DONE);
        assertThat(recent.get(1).pull()).isTrue();
        assertThat(merges.recent(0)).hasSize(1);
        pbx.send(new ConfbridgeKick("7506", "all"));
    }

    /** @return the first queued list that matches, null when none came within a short wait */
    private static List<LiveCall> poll(java.util.concurrent.BlockingQueue<List<LiveCall>> lists,
            java.util.function.Predicate<List<LiveCall>> match) {
        try {
            List<LiveCall> l = lists.poll(100, TimeUnit.MILLISECONDS);
            return l != null && match.test(l) ? l : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Transactional
    List<String> audit(long roomId) {
        return AuditEvent.<AuditEvent>list("roomId = ?1 order by id", roomId).stream().map(e -> e.action + " " + e.outcome)
                .toList();
    }
}
