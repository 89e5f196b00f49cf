package org.confroom.conference.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.confroom.conference.ValidationException;
import org.confroom.conference.directory.ResultPage;
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
class AuditLogSearchTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    AuditLog audit;

    @Inject
    RoomService rooms;

    @Test
    void filtersByActorActionFamilyRoomAndTime() {
        String actor = "auditor-" + UUID.randomUUID();
        Room room = rooms.create(RoomDraft.of(Integer.toString(5000 + (int) (Math.random() * 900)), "Audit room"), actor);
        long created = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find("actor", actor).singleResult().id);
        at(created, T0.minusDays(1));
        long a = row(actor, "contact.create", null, T0);
        long b = row(actor, "contact.delete", null, T0.plusHours(1));
        long c = row(actor, "member.mute", room.id, T0.plusHours(2));
        row("someone-else-" + actor, "contact.create", null, T0.plusHours(1));
        row(actor, "contactless", null, T0.plusHours(3)); // not of the family 'contact'

        assertThat(ids(query(actor, null, null, null, null))).hasSize(5);
        assertThat(ids(query(actor, "contact", null, null, null))).containsExactly(b, a);
        assertThat(ids(query(actor, "contact.delete", null, null, null))).containsExactly(b);
        assertThat(ids(query(actor, null, room.id, null, null))).containsExactly(c, created);
        assertThat(ids(query(actor, null, null, T0, T0.plusHours(2)))).containsExactly(b, a);
        assertThat(ids(query(actor, null, null, T0.plusMinutes(1), null))).hasSize(3).doesNotContain(a, created);
        assertThat(ids(query(actor, "contact%", null, null, null))).as("LIKE wildcards are text").isEmpty();
    }

    @Test
    void pagesNewestFirstWithTheTotal() {
        String actor = "pager-" + UUID.randomUUID();
        long[] ids = new long[7];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = row(actor, "test.page", null, T0.plusMinutes(i));
        }
        ResultPage<AuditEvent> first = audit.search(new AuditQuery(actor, null, null, null, null, 0, 3));
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(ids(first)).containsExactly(ids[6], ids[5], ids[4]);
        ResultPage<AuditEvent> last = audit.search(new AuditQuery(actor, null, null, null, null, 2, 3));
        assertThat(ids(last)).containsExactly(ids[0]);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void badFiltersNameTheirField() {
        assertThatThrownBy(() -> audit.search(new AuditQuery(null, null, null, T0, T0, 0, 10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> audit.search(new AuditQuery(null, null, null, null, null, -1, 10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("page"));
        assertThatThrownBy(() -> audit.search(new AuditQuery(null, null, null, null, null, 0, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> audit.search(new AuditQuery("x".repeat(101), null, null, null, null, 0, 10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("actor"));
    }

    private ResultPage<AuditEvent> query(String actor, String action, Long roomId, OffsetDateTime from, OffsetDateTime to) {
        return audit.search(new AuditQuery(actor, action, roomId, from, to, 0, 50));
    }

    private long row(String actor, String action, Long roomId, OffsetDateTime at) {
        long id = QuarkusTransaction.requiringNew()
                .call(() -> audit.record(actor, action, roomId, "t", AuditEvent.Outcome.OK, Map.of("k", "v")).id);
        at(id, at);
        return id;
    }

    private static void at(long id, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> AuditEvent.<AuditEvent>findById(id).at = at);
    }

    private static List<Long> ids(ResultPage<AuditEvent> page) {
        return page.items().stream().map(e -> e.id).toList();
    }
}
