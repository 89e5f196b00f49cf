package org.confroom.conference.invitee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.directory.Contact;
import org.confroom.conference.directory.ContactDraft;
import org.confroom.conference.directory.ContactService;
import org.confroom.conference.directory.Race;
import org.confroom.conference.directory.TestNumbers;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class InviteeServiceTest {
    @Inject
    InviteeService invitees;

    @Inject
    ContactService contacts;

    @Inject
    RoomService rooms;

    @Test
    void addChangeRemoveListedModeratorsFirstThenByName() {
        Room room = rooms.create(RoomDraft.of("4800", "Invitees"), "alice");
        Contact zoe = contact("zoe");
        Contact adam = contact("Adam");
        Contact mia = contact("Mia");
        Contact bert = contact("bert");
        List<Invitee> added = invitees.add(room.id, List.of(zoe.id, adam.id, zoe.id), InviteeRole.PARTICIPANT, true, "alice");
        assertThat(added).extracting(Invitee::name).containsExactly("zoe", "Adam");
        invitees.add(room.id, List.of(mia.id, bert.id), InviteeRole.MODERATOR, false, "alice");

        assertThat(invitees.list(room.id)).extracting(i -> i.name() + " " + i.role() + " " + i.autoDial())
                .containsExactly("bert MODERATOR false", "Mia MODERATOR false", "Adam PARTICIPANT true", "zoe PARTICIPANT true");
        Invitee first = invitees.list(room.id).get(0);
        assertThat(first.number()).isEqualTo(bert.dialNumber());
        assertThat(first.roomId()).isEqualTo(room.id);
        assertThat(first.contactId()).isEqualTo(bert.id);

        Invitee promoted = invitees.change(room.id, zoe.id, InviteeRole.MODERATOR, false, "bob");
        assertThat(promoted.role()).isEqualTo(InviteeRole.MODERATOR);
        invitees.remove(room.id, mia.id, "bob");
        assertThat(invitees.list(room.id)).extracting(Invitee::name).containsExactly("bert", "zoe", "Adam");
        assertThat(contacts.get(mia.id).name).as("the contact stays in the directory").isEqualTo("Mia");

        assertThat(audit(room.id)).containsExactly("invitee.add OK zoe", "invitee.add OK Adam", "invitee.add OK Mia",
                "invitee.add OK bert", "invitee.change OK zoe", "invitee.remove OK Mia");
        assertThat(details(room.id, "invitee.change")).containsEntry("old.role", "PARTICIPANT").containsEntry("role", "MODERATOR")
                .containsEntry("old.autoDial", true).containsEntry("autoDial", false);
    }

    @Test
    void refusesDuplicatesUnknownsAndBadInput() {
        Contact eva = contact("Eva");
        Contact fred = contact("Fred");
        Room room = roomInviting("4801", "Refusals", eva);
        assertThatThrownBy(() -> invitees.add(room.id, List.of(fred.id, eva.id), InviteeRole.MODERATOR, true, "bob"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already invited to room 4801: 'Eva'");
        assertThat(invitees.list(room.id)).as("all or none").extracting(Invitee::name).containsExactly("Eva");

        assertThatThrownBy(() -> invitees.add(room.id, List.of(fred.id, Long.MAX_VALUE), InviteeRole.MODERATOR, true, "bob"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no contact with id " + Long.MAX_VALUE);
        assertThatThrownBy(() -> invitees.add(Long.MAX_VALUE, List.of(fred.id), InviteeRole.MODERATOR, true, "bob"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no room");
        assertField(() -> invitees.add(room.id, List.of(), InviteeRole.MODERATOR, true, "bob"), "contacts");
        assertField(() -> invitees.add(room.id, Arrays.asList(fred.id, null), InviteeRole.MODERATOR, true, "bob"), "contacts");
        assertField(() -> invitees.add(room.id, List.of(fred.id), null, true, "bob"), "role");
        assertThatThrownBy(() -> invitees.change(room.id, fred.id, InviteeRole.MODERATOR, true, "bob"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("is not invited to room 4801");
        assertThatThrownBy(() -> invitees.remove(room.id, fred.id, "bob")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invitees.list(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);

        assertThat(audit(room.id)).containsExactly("invitee.add OK Eva", "invitee.add REFUSED null", "invitee.add REFUSED null",
                "invitee.add REFUSED null", "invitee.add REFUSED null", "invitee.add REFUSED null",
                "invitee.change REFUSED null", "invitee.remove REFUSED null");
    }

    @Test
    void archivedRoomsCannotBeChangedButCanBeListed() {
        Contact gil = contact("Gil");
        Contact hal = contact("Hal");
        Room room = roomInviting("4802", "Archived", gil);
        rooms.archive(room.id, "alice");
        assertThatThrownBy(() -> invitees.add(room.id, List.of(hal.id), InviteeRole.PARTICIPANT, true, "bob"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("room 4802 'Archived' is archived");
        assertThatThrownBy(() -> invitees.change(room.id, gil.id, InviteeRole.MODERATOR, true, "bob"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is archived");
        assertThatThrownBy(() -> invitees.remove(room.id, gil.id, "bob"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is archived");
        assertThat(invitees.list(room.id)).extracting(Invitee::name).containsExactly("Gil");
    }

    @Test
    void twoOperatorsInvitingOneContactAtOnceGetOneInvitation() throws Exception {
        for (int round = 0; round < 5; round++) {
            Contact ida = contact("Ida");
            Room room = rooms.create(RoomDraft.of("481" + round, "Race " + round), "alice");
            List<Throwable> failures = Race.failures(List.of(
                    () -> invitees.add(room.id, List.of(ida.id), InviteeRole.MODERATOR, true, "alice"),
                    () -> invitees.add(room.id, List.of(ida.id), InviteeRole.PARTICIPANT, true, "bob")));
            assertThat(failures).singleElement().isInstanceOf(ConflictException.class);
            assertThat(invitees.list(room.id)).hasSize(1);
        }
    }

    private Room roomInviting(String number, String name, Contact invited) {
        Room room = rooms.create(RoomDraft.of(number, name), "alice");
        invitees.add(room.id, List.of(invited.id), InviteeRole.PARTICIPANT, true, "alice");
        return room;
    }

    private Contact contact(String name) {
        return contacts.create(ContactDraft.of(name, TestNumbers.typed()), "alice");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static List<String> audit(long roomId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("roomId = ?1 and action like 'invitee.%' order by id",
                roomId).stream().map(e -> e.action + " " + e.outcome + " " + e.details.get("name")).toList());
    }

    private static java.util.Map<String, Object> details(long roomId, String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find("roomId = ?1 and action = ?2", roomId, action)
                .firstResult().details);
    }
}
