package org.confroom.conference.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.confroom.conference.live.SimPbx.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.action.ConfbridgeLock;
import org.confroom.ami.action.ConfbridgeMute;
import org.confroom.ami.action.ConfbridgeUnlock;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.event.ConfbridgeStartEvent;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.conference.testsupport.AmiSimTestResource;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class LiveRoomsTest extends LivePbxTest {
    @Inject
    RoomOverview overview;

    @Inject
    RoomService rooms;


    @Test
    void followsJoinsMuteAndLeaves() {
        List<LiveChange> changes = new CopyOnWriteArrayList<>();
        try (ListenerRegistry.Subscription s = live.subscribe(changes::add)) {
            String alice = pbx.joinQuiet("7301", "1001", "Alice");
            String bob = pbx.joinQuiet("7301", "1002", "Bob");
            await("two members in 7301", () -> live.room("7301").map(LiveRoom::memberCount).orElse(0) == 2);
            LiveMember a = live.room("7301").orElseThrow().member(alice).orElseThrow();
            assertThat(a.callerIdNum()).isEqualTo("1001");
            assertThat(a.callerIdName()).isEqualTo("Alice");
            assertThat(a.phase()).isEqualTo(MemberPhase.JOINED);
            assertThat(a.joinedAt()).isNotNull();
            assertThat(a.muted()).isFalse();

            pbx.send(new ConfbridgeMute("7301", bob));
            await("bob muted", () -> live.room("7301").flatMap(r -> r.member(bob)).map(LiveMember::muted).orElse(false));

            pbx.hangup(alice);
            await("alice gone", () -> live.room("7301").map(r -> r.member(alice).isEmpty()).orElse(false));
            pbx.hangup(bob);
            await("7301 ended", () -> live.room("7301").isEmpty());

            await("changes delivered", () -> changes.stream().anyMatch(c -> c instanceof LiveChange.RoomEnded e
                    && e.room().number().equals("7301")));
            List<String> kinds = changes.stream().filter(c -> concerns(c, "7301")).map(c -> c.getClass().getSimpleName())
                    .toList();
            assertThat(kinds).startsWith("RoomUpdated", "MemberJoined", "MemberJoined").contains("MemberUpdated", "MemberLeft")
                    .endsWith("RoomEnded");
        }
    }

    @Test
    void lockMadeElsewhereIsSeenByThePoll() {
        pbx.joinQuiet("7302", "1003", "Carol");
        await("7302 live", () -> live.room("7302").isPresent());
        assertThat(live.room("7302").orElseThrow().locked()).isFalse();
        pbx.send(new ConfbridgeLock("7302"));
        await("7302 locked", () -> live.room("7302").map(LiveRoom::locked).orElse(false));
        pbx.send(new ConfbridgeUnlock("7302"));
        await("7302 unlocked", () -> !live.room("7302").map(LiveRoom::locked).orElse(true));
        pbx.send(new org.confroom.ami.action.ConfbridgeKick("7302", "all"));
        await("7302 ended", () -> live.room("7302").isEmpty());
    }

    @Test
    void asteriskRestartMakesTheStateStaleThenRebuildsIt() throws Exception {
        assumeTrue(AmiSimTestResource.simulator() != null, "needs the simulator's restart (not run against a real Asterisk)");
        pbx.joinQuiet("7303", "1004", "Dave");
        await("7303 live", () -> live.room("7303").isPresent());
        List<PbxStatus> statuses = new CopyOnWriteArrayList<>();
        try (ListenerRegistry.Subscription s = live.subscribe(c -> {
            if (c instanceof LiveChange.ConnectionChanged cc) {
                statuses.add(cc.status());
            }
        })) {
            pbx.close();
            AmiSimTestResource.simulator().controls().restart();
            await("stale after the restart", () -> statuses.stream().anyMatch(PbxStatus::stale));
            await("fresh again", () -> live.status().live());
            assertThat(live.snapshot().rooms()).isEmpty();
            assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(ConnectionState.READY);
        }
        pbx = SimPbx.connect();
        String erin = pbx.joinQuiet("7303", "1005", "Erin");
        await("new member after the restart", () -> live.room("7303").flatMap(r -> r.member(erin)).isPresent());
        assertThat(live.room("7303").orElseThrow().members()).hasSize(1);
        pbx.hangup(erin);
        await("7303 ended", () -> live.room("7303").isEmpty());
    }

    @Test
    void resyncAnswersWithTheSnapshot() throws Exception {
        String frank = pbx.joinQuiet("7304", "1006", "Frank");
        LiveSnapshot s = live.resync().get(10, TimeUnit.SECONDS);
        assertThat(s.room("7304").flatMap(r -> r.member(frank))).isPresent();
        assertThat(s.stale()).isFalse();
        pbx.hangup(frank);
        await("7304 ended", () -> live.room("7304").isEmpty());
    }

    @Test
    void firstMemberHearingAPromptShowsAsJoiningUntilItsJoin() {
        // transcript 22: the first member (default_user) is listed while it hears conf-onlyperson; read the
        // lists right when its conference starts, then see it join
        List<LiveChange> changes = new CopyOnWriteArrayList<>();
        try (ListenerRegistry.Subscription s = live.subscribe(changes::add)) {
            pbx.onEvent(e -> e instanceof ConfbridgeStartEvent start && start.conference().equals("7305"), live::resync);
            String grace = pbx.join("confbridge", "7305", "1007", "Grace");
            await("grace joined", () -> live.room("7305").flatMap(r -> r.member(grace)).map(LiveMember::joined)
                    .orElse(false));
            await("joining then joined delivered", () -> changes.stream().anyMatch(c -> c instanceof LiveChange.MemberUpdated u
                    && u.member().channel().equals(grace) && u.member().joined()));
            assertThat(changes).filteredOn(c -> c instanceof LiveChange.MemberJoined j && j.member().channel().equals(grace))
                    .singleElement().satisfies(c -> {
                        LiveMember m = ((LiveChange.MemberJoined) c).member();
                        assertThat(m.phase()).isEqualTo(MemberPhase.JOINING);
                        assertThat(m.joinedAt()).isNull();
                    });
            pbx.hangup(grace);
            await("7305 ended", () -> live.room("7305").isEmpty());
        }
    }

    @Test
    void overviewShowsRoomsWithLiveCountsAndConferencesWithoutARoom() {
        Room room = rooms.create(RoomDraft.of("7306", "Overview room"), "alice");
        String heidi = pbx.joinQuiet("7306", "1008", "Heidi");
        String ivan = pbx.joinQuiet("7307", "1009", "Ivan");
        await("both live", () -> live.room("7306").isPresent() && live.room("7307").isPresent());
        RoomOverview.Overview o = overview.overview();
        RoomOverview.RoomLine line = o.rooms().stream().filter(l -> l.roomId() == room.id).findFirst().orElseThrow();
        assertThat(line.memberCount()).isEqualTo(1);
        assertThat(line.active()).isTrue();
        assertThat(o.unmanagedConferences()).extracting(LiveRoom::number).contains("7307").doesNotContain("7306");
        assertThat(o.pbx().live()).isTrue();
        pbx.hangup(heidi);
        pbx.hangup(ivan);
        await("both ended", () -> live.room("7306").isEmpty() && live.room("7307").isEmpty());
        assertThat(overview.overview().rooms()).filteredOn(l -> l.roomId() == room.id).singleElement()
                .satisfies(l -> assertThat(l.active()).isFalse());
    }

    private static boolean concerns(LiveChange c, String room) {
        if (c instanceof LiveChange.MemberJoined j) {
            return j.room().equals(room);
        }
        if (c instanceof LiveChange.MemberLeft l) {
            return l.room().equals(room);
        }
        if (c instanceof LiveChange.MemberUpdated u) {
            return u.room().equals(room);
        }
        if (c instanceof LiveChange.RoomUpdated r) {
            return r.room().number().equals(room);
        }
        return c instanceof LiveChange.RoomEnded e && e.room().number().equals(room);
    }
}
