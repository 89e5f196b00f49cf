package org.confroom.conference.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.event.ConfbridgeListEvent;
import org.junit.jupiter.api.Test;

/** The live model without I/O: phases, departed members, listings, diffs. */
class LiveStateTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final String ALICE = "Local/1001@phones-00000002;1";
    private static final String BOB = "Local/1002@phones-00000004;1";

    private final LiveState state = new LiveState();

    @Test
    void firstMemberListedBeforeItsJoinIsJoiningUntilTheJoin() {
        // transcript 22: listed while it hears conf-onlyperson, not yet in a bridge
        state.roomStarted("710", T0);
        state.applyListing(listing("710", 1, Map.of(ALICE, ""), item("710", ALICE, "1001", false)));
        LiveRoom room = state.view("710");
        assertThat(room.member(ALICE).orElseThrow().phase()).isEqualTo(MemberPhase.JOINING);
        assertThat(room.member(ALICE).orElseThrow().joinedAt()).isNull();
        assertThat(room.memberCount()).isZero();
        assertThat(room.joiningCount()).isEqualTo(1);

        state.memberJoined("710", joined(ALICE, "1001"), T0.plusSeconds(3));
        room = state.view("710");
        assertThat(room.member(ALICE).orElseThrow().phase()).isEqualTo(MemberPhase.JOINED);
        assertThat(room.member(ALICE).orElseThrow().joinedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(room.memberCount()).isEqualTo(1);
    }

    @Test
    void memberFirstSeenInAListInsideABridgeIsJoinedWithAnEstimatedJoinTime() {
        state.applyListing(listing("700", 1, Map.of(ALICE, "18d39870"), item("700", ALICE, "1001", true)));
        LiveMember alice = state.view("700").member(ALICE).orElseThrow();
        assertThat(alice.phase()).isEqualTo(MemberPhase.JOINED);
        assertThat(alice.joinedAt()).isEqualTo(T0.minusSeconds(12));
        assertThat(alice.muted()).isTrue();
        assertThat(alice.marked()).isTrue();
    }

    @Test
    void kickedMemberStillListedIsNotBroughtBackAndCountsAsParty() {
        state.memberJoined("700", joined(ALICE, "1001"), T0);
        state.memberJoined("700", joined(BOB, "1002"), T0);
        state.memberLeft("700", BOB, T0.plusSeconds(1));
        // transcript 29: a kicked member is still listed 1.5 s after "User kicked"
        assertThat(state.expectedParties("700")).isEqualTo(2);
        state.applyListing(listing("700", 2, Map.of(ALICE, "b", BOB, ""), item("700", ALICE, "1001", false),
                item("700", BOB, "1002", false)));
        assertThat(state.view("700").members()).extracting(LiveMember::channel).containsExactly(ALICE);
        state.channelGone(BOB);
        assertThat(state.expectedParties("700")).isEqualTo(1);
    }

    @Test
    void listingEndsUnlistedRoomsAndTakesOverTheLock() {
        state.memberJoined("700", joined(ALICE, "1001"), T0);
        state.memberJoined("701", joined(BOB, "1002"), T0);
        state.drainDirty();
        state.applyListing(new PbxListing(Map.of("700", new PbxListing.RoomListing("700", 1, 0, true, Optional.empty())),
                Map.of(), T0));
        assertThat(state.view("701")).isNull();
        assertThat(state.view("700").locked()).isTrue();
        assertThat(state.view("700").members()).hasSize(1);
        assertThat(state.drainDirty()).containsExactlyInAnyOrder("700", "701");
    }

    @Test
    void eventsAppliedTwiceChangeNothing() {
        state.memberJoined("700", joined(ALICE, "1001"), T0);
        state.muted("700", ALICE, true);
        LiveRoom once = state.view("700");
        state.memberJoined("700", joined(ALICE, "1001"), T0.plusSeconds(5));
        state.muted("700", ALICE, true);
        assertThat(state.view("700")).isEqualTo(once);
    }

    @Test
    void hangupRemovesAMemberWhoseLeaveWasLost() {
        state.memberJoined("700", joined(ALICE, "1001"), T0);
        state.channelGone(ALICE);
        assertThat(state.view("700").members()).isEmpty();
    }

    @Test
    void diffListsRoomThenMemberChanges() {
        LiveMember a = joined(ALICE, "1001");
        LiveMember b = joined(BOB, "1002");
        LiveRoom before = new LiveRoom("700", List.of(a, b), false, false, T0);
        LiveRoom after = new LiveRoom("700", List.of(a.withMuted(true)), true, false, T0);
        assertThat(LiveDiff.between(before, after)).containsExactly(new LiveChange.RoomUpdated(after),
                new LiveChange.MemberLeft("700", b), new LiveChange.MemberUpdated("700", a.withMuted(true)));
        assertThat(LiveDiff.between(null, before)).containsExactly(new LiveChange.RoomUpdated(before),
                new LiveChange.MemberJoined("700", a), new LiveChange.MemberJoined("700", b));
        assertThat(LiveDiff.between(before, null)).containsExactly(new LiveChange.RoomEnded(before));
    }

    private static LiveMember joined(String channel, String num) {
        return new LiveMember(channel, "u-" + num, num, "Name " + num, false, false, false, false, MemberPhase.JOINED, T0);
    }

    private static PbxListing listing(String room, int parties, Map<String, String> bridges, ConfbridgeListEvent... members) {
        return new PbxListing(Map.of(room, new PbxListing.RoomListing(room, parties, 0, false, Optional.of(List.of(members)))),
                bridges, T0);
    }

    private static ConfbridgeListEvent item(String room, String channel, String num, boolean mutedAndMarked) {
        String yesNo = mutedAndMarked ? "Yes" : "No";
        return new ConfbridgeListEvent(AmiMessage.of("Event", "ConfbridgeList", "Conference", room, "Admin", "No",
                "MarkedUser", yesNo, "Muted", yesNo, "Talking", "No", "AnsweredTime", "12", "Channel", channel,
                "CallerIDNum", num, "CallerIDName", "Name " + num, "Uniqueid", "u-" + num));
    }
}
