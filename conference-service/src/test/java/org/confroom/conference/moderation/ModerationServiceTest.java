package org.confroom.conference.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.confroom.conference.live.SimPbx.await;

import java.util.List;

import org.confroom.conference.NotFoundException;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.live.LiveMember;
import org.confroom.conference.live.LiveRoom;
import org.confroom.conference.live.LivePbxTest;
import org.confroom.conference.live.LivePbxTest;
import org.confroom.conference.live.SimPbx;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class ModerationServiceTest extends LivePbxTest {
    @Inject
    ModerationService moderation;

    @Inject
    RoomService rooms;


    @Test
    void muteUnmuteAndKickAMember() {
        Room room = rooms.create(RoomDraft.of("7401", "Mute room"), "alice");
        String bob = pbx.joinQuiet("7401", "1011", "Bob");
        String carol = pbx.joinQuiet("7401", "1012", "Carol");
        await("both live", () -> memberCount("7401") == 2);

        moderation.mute(room.id, bob, "alice");
        await("bob muted", () -> member("7401", bob).muted());
        moderation.unmute(room.id, bob, "alice");
        await("bob unmuted", () -> !member("7401", bob).muted());
        moderation.kick(room.id, carol, "alice");
        await("carol gone", () -> live.room("7401").flatMap(r -> r.member(carol)).isEmpty());

        assertThat(audit(room.id)).containsExactly("room.create OK " + "7401", "member.mute OK " + bob,
                "member.unmute OK " + bob, "member.kick OK " + carol);
        moderation.endRoom(room.id, "alice");
        await("7401 ended", () -> live.room("7401").isEmpty());
    }

    @Test
    void participantsCommandsAndDtmf() {
        Room room = rooms.create(RoomDraft.of("7402", "All room"), "alice");
        String dave = pbx.joinQuiet("7402", "1013", "Dave");
        String erin = pbx.joinQuiet("7402", "1014", "Erin");
        await("both live", () -> memberCount("7402") == 2);

        moderation.muteParticipants(room.id, "alice");
        await("all muted", () -> live.room("7402").orElseThrow().members().stream().allMatch(LiveMember::muted));
        moderation.unmuteParticipants(room.id, "alice");
        await("all unmuted", () -> live.room("7402").orElseThrow().members().stream().noneMatch(LiveMember::muted));
        moderation.sendDtmf(room.id, dave, "1#", "alice");
        assertThatThrownBy(() -> moderation.sendDtmf(room.id, dave, "12x", "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("digits"));
        moderation.kickParticipants(room.id, "alice");
        await("7402 ended", () -> live.room("7402").isEmpty());
        assertThat(audit(room.id)).contains("room.mute-participants OK 7402", "room.unmute-participants OK 7402",
                "member.dtmf OK " + dave, "member.dtmf REFUSED " + dave, "room.kick-participants OK 7402");
        assertThat(erin).isNotEqualTo(dave);
    }

    @Test
    void lockUpdatesTheLiveStateAtOnceAndRecordingFollowsEvents() {
        Room room = rooms.create(RoomDraft.of("7403", "Lock room"), "alice");
        pbx.joinQuiet("7403", "1015", "Frank");
        await("7403 live", () -> live.room("7403").isPresent());

        moderation.lock(room.id, "alice");
        assertThat(live.room("7403").orElseThrow().locked()).isTrue();
        moderation.unlock(room.id, "alice");
        assertThat(live.room("7403").orElseThrow().locked()).isFalse();

        moderation.startRecording(room.id, "alice");
        await("recording", () -> live.room("7403").orElseThrow().recording());
        moderation.stopRecording(room.id, "alice");
        await("not recording", () -> !live.room("7403").orElseThrow().recording());
        assertThatThrownBy(() -> moderation.stopRecording(room.id, "alice")).isInstanceOf(PbxCommandException.class)
                .hasMessage("Internal error while stopping recording.");
        assertThat(audit(room.id)).endsWith("room.lock OK 7403", "room.unlock OK 7403", "room.record-start OK 7403",
                "room.record-stop OK 7403", "room.record-stop REFUSED 7403");
        moderation.endRoom(room.id, "alice");
        await("7403 ended", () -> live.room("7403").isEmpty());
    }

    @Test
    void refusalsAreClearAndAudited() {
        Room room = rooms.create(RoomDraft.of("7404", "Empty room"), "alice");
        // another conference runs, 7404 does not: Asterisk's own refusal (with none at all it would say
        // "No active conferences.")
        String other = pbx.joinQuiet("7405", "1016", "Grace");
        assertThatThrownBy(() -> moderation.lock(room.id, "bob")).isInstanceOf(PbxCommandException.class)
                .hasMessage("No Conference by that name found.");
        pbx.hangup(other);
        // not a member
        assertThatThrownBy(() -> moderation.mute(room.id, "Local/9999@phones-deadbeef;1", "bob"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("not a member of room 7404");
        assertThatThrownBy(() -> moderation.kick(room.id, " ", "bob"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("channel"));
        // unknown room
        assertThatThrownBy(() -> moderation.muteParticipants(987654L, "bob")).isInstanceOf(NotFoundException.class);
        // archived room
        rooms.archive(room.id, "alice");
        assertThatThrownBy(() -> moderation.endRoom(room.id, "bob")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("archived");
        assertThat(audit(room.id)).containsExactly("room.create OK 7404", "room.lock REFUSED 7404",
                "member.mute REFUSED Local/9999@phones-deadbeef;1", "member.kick REFUSED null", "room.archive OK 7404",
                "room.end REFUSED 7404");
        assertThat(unknownRoomRefusals()).isPositive();
    }

    private int memberCount(String number) {
        return live.room(number).map(LiveRoom::memberCount).orElse(0);
    }

    private LiveMember member(String number, String channel) {
        return live.room(number).flatMap(r -> r.member(channel)).orElseThrow();
    }

    @Transactional
    List<String> audit(long roomId) {
        return AuditEvent.<AuditEvent>list("roomId = ?1 order by id", roomId).stream()
                .map(e -> e.action + " " + e.outcome + " " + e.target).toList();
    }

    @Transactional
    long unknownRoomRefusals() {
        return AuditEvent.count("roomId is null and target = ?1 and outcome = ?2", "room 987654", AuditEvent.Outcome.REFUSED);
    }
}
