package org.confroom.conference.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.invitee.InviteeRole;
import org.confroom.conference.invitee.InviteeService;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class ContactServiceTest {
    @Inject
    ContactService contacts;

    @Inject
    InviteeService invitees;

    @Inject
    RoomService rooms;

    @Test
    void createEditDeleteWithAudit() {
        String typed = TestNumbers.typed();
        String number = TestNumbers.e164(typed);
        Contact c = contacts.create(new ContactDraft("  Alice Example ", typed, " alice@example.org ", "line 1\nline 2"), "alice");
        assertThat(c.id).isNotNull();
        assertThat(c.name).isEqualTo("Alice Example");
        assertThat(c.number).isEqualTo(number);
        assertThat(c.email).isEqualTo("alice@example.org");
        assertThat(c.notes).isEqualTo("line 1\nline 2");
        assertThat(contacts.findByNumber(DialNumber.fromStored(number))).get().extracting(x -> x.id).isEqualTo(c.id);

        Contact edited = contacts.update(c.id, c.version, ContactDraft.of("Alice E.", typed), "bob");
        assertThat(edited.name).isEqualTo("Alice E.");
        assertThat(edited.email).isNull();
        assertThat(contacts.get(c.id).version).isEqualTo(c.version + 1);
        assertThatThrownBy(() -> contacts.update(c.id, c.version, ContactDraft.of("stale", typed), "carol"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("changed by someone else");

        contacts.delete(c.id, "alice");
        assertThatThrownBy(() -> contacts.get(c.id)).isInstanceOf(NotFoundException.class);
        assertThat(TestNumbers.audit(number)).extracting(e -> e.action + " " + e.outcome + " " + e.actor)
                .containsExactly("contact.create OK alice", "contact.update OK bob", "contact.update REFUSED carol",
                        "contact.delete OK alice");
        assertThat(TestNumbers.audit(number).get(1).details).containsEntry("old.name", "Alice Example")
                .containsEntry("name", "Alice E.");
    }

    @Test
    void validationNamesTheFieldAndIsAudited() {
        String typed = TestNumbers.typed();
        assertField(new ContactDraft(" ", typed, null, null), "name");
        assertField(new ContactDraft("x".repeat(201), typed, null, null), "name");
        assertField(new ContactDraft("Eve\r\nX-Header: 1", typed, null, null), "name");
        assertField(new ContactDraft("Eve", "030 12", null, null), "number");
        assertField(new ContactDraft("Eve", "+4930\r\n123", null, null), "number");
        assertField(new ContactDraft("Eve", typed, "not-an-address", null), "email");
        assertField(new ContactDraft("Eve", typed, null, "n".repeat(2001)), "notes");
        assertField(new ContactDraft("Eve", typed, null, "bell\u0007"), "notes");
        List<AuditEvent> refused = TestNumbers.audit("+4930\\u000D\\u000A123");
        assertThat(refused).singleElement().satisfies(e -> {
            assertThat(e.outcome).isEqualTo(AuditEvent.Outcome.REFUSED);
            assertThat(e.details).containsEntry("field", "number");
        });
        assertThat(contacts.search(typed, 0, 10).total()).isZero();
    }

    @Test
    void aNumberBelongsToOneContact() {
        String typed = TestNumbers.typed();
        Contact bob = contacts.create(ContactDraft.of("Bob Duplicate", typed), "alice");
        String sameInOtherForm = "+49 " + typed.substring(1);
        assertThatThrownBy(() -> contacts.create(ContactDraft.of("Carol", sameInOtherForm), "alice"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already belongs to contact 'Bob Duplicate' (id " + bob.id + ")");
        Contact carol = contacts.create(ContactDraft.of("Carol", TestNumbers.typed()), "alice");
        assertThatThrownBy(() -> contacts.update(carol.id, carol.version, ContactDraft.of("Carol", typed), "alice"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Bob Duplicate");
        assertThat(contacts.update(bob.id, bob.version, ContactDraft.of("Bob", sameInOtherForm), "alice").number)
                .as("a contact keeps its own number").isEqualTo(bob.number);
    }

    @Test
    void searchFindsByNameOrNumberInPages() {
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        List<String> numbers = IntStream.range(0, 25).mapToObj(i -> {
            String typed = TestNumbers.typed();
            contacts.create(ContactDraft.of(String.format("%s %02d", marker, 24 - i), typed), "alice");
            return TestNumbers.e164(typed);
        }).toList();

        ResultPage<Contact> first = contacts.search(marker.toUpperCase(), 0, 10);
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.items()).extracting(c -> c.name).containsExactlyElementsOf(
                IntStream.range(0, 10).mapToObj(i -> String.format("%s %02d", marker, i)).toList());
        ResultPage<Contact> last = contacts.search(" " + marker.toLowerCase() + " ", 2, 10);
        assertThat(last.items()).hasSize(5);
        assertThat(last.hasNext()).isFalse();
        assertThat(contacts.search(marker, 3, 10).items()).isEmpty();

        String oneNumber = numbers.get(7);
        assertThat(contacts.search(oneNumber.substring(4), 0, 10).items()).extracting(c -> c.number).contains(oneNumber);
        assertThat(contacts.search(oneNumber, 0, 10).items()).extracting(c -> c.number).containsExactly(oneNumber);
        String national = "0" + oneNumber.substring(3, 5) + " " + oneNumber.substring(5);
        assertThat(contacts.search(national, 0, 10).items()).as("typed nationally").extracting(c -> c.number)
                .containsExactly(oneNumber);
        assertThat(contacts.search(marker + "%", 0, 10).total()).as("% is a literal").isZero();
        assertThat(contacts.search(marker.substring(0, 3) + "_" + marker.substring(4), 0, 10).total()).as("_ is a literal").isZero();
    }

    @Test
    void searchValidatesPaging() {
        assertThatThrownBy(() -> contacts.search("a", -1, 10)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("page"));
        assertThatThrownBy(() -> contacts.search("a", 0, 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> contacts.search("a", 0, 101)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> contacts.search("a".repeat(101), 0, 10)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("query"));
        contacts.create(ContactDraft.of("Paging", TestNumbers.typed()), "alice");
        assertThat(contacts.search("", 0, 100).items()).isNotEmpty();
    }

    @Test
    void deleteIsRefusedWhileInvitedOrWithCallHistory() {
        Contact dave = contacts.create(ContactDraft.of("Dave", TestNumbers.typed()), "alice");
        Room room = rooms.create(RoomDraft.of("4710", "Delete test"), "alice");
        invitees.add(room.id, List.of(dave.id), InviteeRole.PARTICIPANT, true, "alice");
        assertThatThrownBy(() -> contacts.delete(dave.id, "bob")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is invited to room 4710 'Delete test'; remove it from that room first");

        invitees.remove(room.id, dave.id, "alice");
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                "insert into call_attempt (id, pbx_id, room_id, contact_id, number, state, requested_by) "
                        + "values (?1, ?5, ?2, ?3, ?4, 'ENDED', 'alice')")
                .setParameter(1, UUID.randomUUID()).setParameter(2, room.id).setParameter(3, dave.id).setParameter(4, dave.number)
                .setParameter(5, room.pbxId).executeUpdate());
        assertThatThrownBy(() -> contacts.delete(dave.id, "bob")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("1 call(s) in the call history").hasMessageContaining("edit its name or notes instead");
        assertThat(contacts.get(dave.id).name).isEqualTo("Dave");
        assertThat(TestNumbers.audit("contact " + dave.id)).extracting(e -> e.action + " " + e.outcome)
                .containsExactly("contact.delete REFUSED", "contact.delete REFUSED");
        assertThatThrownBy(() -> contacts.delete(Long.MAX_VALUE, "bob")).isInstanceOf(NotFoundException.class);
    }

    private void assertField(ContactDraft draft, String field) {
        assertThatThrownBy(() -> contacts.create(draft, "mallory"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
