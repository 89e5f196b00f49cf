package org.confroom.web.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.confroom.conference.directory.ContactDraft;
import org.confroom.conference.directory.ContactService;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.web.security.Role;
import org.confroom.web.security.UserService;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The audit page and /api/audit: filters by actor, action, room and time, paging newest first. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class AuditPageTest {
    @Inject
    ContactService contacts;

    @Inject
    RoomService rooms;

    @Inject
    UserService users;

    @Test
    void filtersByActorActionRoomAndTime() {
        String actor = "auditee-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(actor, WebSession.PASSWORD, Role.OPERATOR, "test");
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        contacts.create(ContactDraft.of("Audit One", ContactsPageTest.number()), actor);
        contacts.create(ContactDraft.of("Audit Two", ContactsPageTest.number()), actor);
        Room room = rooms.create(RoomDraft.of(Integer.toString(6000 + (int) (System.nanoTime() % 900)), "Audit room"), actor);
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);

        WebSession s = WebSession.as(Role.VIEWER);
        assertThat(actions(s, "actor", actor)).containsExactly("room.create", "contact.create", "contact.create");
        JsonPath byAction = s.request().queryParam("actor", actor).queryParam("action", "contact").get("/api/audit").jsonPath();
        assertThat(byAction.getList("items.action", String.class)).containsExactly("contact.create", "contact.create");
        assertThat(byAction.getList("items.details.name", String.class)).containsExactly("Audit Two", "Audit One");
        assertThat(actions(s, "room", room.id)).containsExactly("room.create");
        assertThat(s.request().queryParam("actor", actor).queryParam("from", before.toString()).queryParam("to", after.toString())
                .get("/api/audit").jsonPath().getLong("total")).isEqualTo(3);
        assertThat(s.request().queryParam("actor", actor).queryParam("to", before.toString()).get("/api/audit").jsonPath()
                .getLong("total")).isZero();
        s.request().queryParam("from", "yesterday").get("/api/audit").then().statusCode(400).body("field", equalTo("from"));
        s.request().queryParam("room", "big").get("/api/audit").then().statusCode(400).body("field", equalTo("room"));

        String page = s.request().queryParam("actor", actor).queryParam("action", "room.create").get("/audit").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Entries found: 1").contains("Audit room").contains(room.number);
        String refused = s.request().queryParam("from", "2024-01-02T00:00").queryParam("to", "2024-01-01T00:00").get("/audit").then()
                .statusCode(400).extract().asString();
        assertThat(refused).contains("audit-to-error").contains("value=\"2024-01-02T00:00\"");
    }

    @Test
    void pagesNewestFirst() {
        String actor = "pager-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            contacts.create(ContactDraft.of("Paged " + i, ContactsPageTest.number()), actor);
        }
        WebSession s = WebSession.as(Role.VIEWER);
        JsonPath first = s.request().queryParam("actor", actor).queryParam("size", 2).get("/api/audit").jsonPath();
        assertThat(first.getLong("total")).isEqualTo(5);
        assertThat(first.getLong("pageCount")).isEqualTo(3);
        assertThat(first.getList("items.details.name", String.class)).containsExactly("Paged 4", "Paged 3");
        assertThat(s.request().queryParam("actor", actor).queryParam("size", 2).queryParam("page", 2).get("/api/audit").jsonPath()
                .getList("items.details.name", String.class)).containsExactly("Paged 0");
    }

    private static List<String> actions(WebSession s, String filter, Object value) {
        return s.request().queryParam(filter, value).get("/api/audit").then().statusCode(200).extract().jsonPath()
                .getList("items.action", String.class);
    }
}
