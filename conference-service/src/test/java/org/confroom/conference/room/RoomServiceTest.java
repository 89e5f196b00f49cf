package org.confroom.conference.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.confroom.conference.ConflictException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class RoomServiceTest {
    @Inject
    RoomService rooms;

    @Test
    void createEditArchiveWithAudit() {
        Room r = rooms.create(new RoomDraft("4100", "  Board  ", null, "quiet_user", 20, "Board room", "+4930123", "1234"), "alice");
        assertThat(r.name).isEqualTo("Board");
        assertThat(r.userProfile).isEqualTo("quiet_user");
        assertThat(r.bridgeProfile).isEqualTo("default_bridge");
        Room edited = rooms.update(r.id, r.version, RoomDraft.of("4101", "Board 2"), "bob");
        assertThat(edited.number).isEqualTo("4101");
        assertThat(rooms.get(r.id).version).as("one version per edit").isEqualTo(r.version + 1);
        assertThatThrownBy(() -> rooms.update(r.id, r.version, RoomDraft.of("4102", "stale"), "carol"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("changed by someone else");
        rooms.archive(r.id, "alice");
        assertThat(rooms.listActive()).extracting(x -> x.number).doesNotContain("4101");
        assertThat(rooms.listAll()).filteredOn(x -> x.id.equals(r.id)).singleElement().satisfies(x -> assertThat(x.archived()).isTrue());
        assertThat(actions(r.id)).containsExactly("room.create", "room.update", "room.archive");
    }

    @Test
    void validationNamesTheField() {
        assertThatThrownBy(() -> rooms.create(RoomDraft.of("12a", "x"), "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("number"));
        assertThatThrownBy(() -> rooms.create(RoomDraft.of("4200", " "), "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> rooms.create(new RoomDraft("4200", "x", null, null, 1, null, null, null), "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxMembers"));
        assertThatThrownBy(() -> rooms.create(new RoomDraft("4200", "x", null, null, null, "Eve\"<1>", null, null), "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("callerIdName"));
        assertThatThrownBy(() -> rooms.create(new RoomDraft("4200", "x", null, "bad profile", null, null, null, null), "alice"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("userProfile"));
    }

    @Test
    void numberIsUniquePerPbx() {
        rooms.create(RoomDraft.of("4300", "one"), "alice");
        assertThatThrownBy(() -> rooms.create(RoomDraft.of("4300", "two"), "bob"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("4300");
    }

    @Transactional
    List<String> actions(long roomId) {
        return AuditEvent.<AuditEvent>list("roomId = ?1 order by id", roomId).stream().map(e -> e.action).toList();
    }
}
