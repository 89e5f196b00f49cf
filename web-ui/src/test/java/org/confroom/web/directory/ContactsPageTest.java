package org.confroom.web.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.confroom.conference.directory.Contact;
import org.confroom.conference.directory.ContactDraft;
import org.confroom.conference.directory.ContactService;
import org.confroom.conference.invitee.InviteeRole;
import org.confroom.conference.invitee.InviteeService;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.web.security.Role;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The contacts pages and /api/contacts: escaping, validation, CSV import, search paging, delete refusals, CSRF. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class ContactsPageTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Inject
    ContactService contacts;

    @Inject
    RoomService rooms;

    @Inject
    InviteeService invitees;

    /** @return a fresh German landline number as typed, unique in this run */
    static String number() {
        return "030 " + (5_100_000 + NEXT.incrementAndGet() % 800_000);
    }

    @Test
    void aScriptInANameIsShownAsTextOnTheListEditAndAuditPages() {
        WebSession s = WebSession.as(Role.OPERATOR);
        String number = number();
        String location = s.request().formParam("name", SCRIPT).formParam("number", number).post("/contacts").then()
                .statusCode(303).extract().header("Location");
        assertThat(location).contains("/contacts?created=");
        long id = Long.parseLong(location.substring(location.indexOf('=') + 1));

        String list = s.request().queryParam("q", "alert(1)").get("/contacts").then().statusCode(200).extract().asString();
        assertThat(list).contains(ESCAPED).doesNotContain(SCRIPT);
        String edit = s.request().get("/contacts/" + id + "/edit").then().statusCode(200).extract().asString();
        assertThat(edit).contains("value=\"" + ESCAPED + "\"").doesNotContain(SCRIPT);
        String audit = s.request().queryParam("action", "contact.create").queryParam("actor", s.username()).get("/audit").then()
                .statusCode(200).extract().asString();
        assertThat(audit).contains(ESCAPED).doesNotContain(SCRIPT);
    }

    @Test
    void aBadNumberIsRefusedNextToItsFieldAndTheTypedInputStays() {
        WebSession s = WebSession.as(Role.OPERATOR);
        String page = s.request().formParam("name", "Bad Number Person").formParam("number", "call me maybe")
                .formParam("email", "bad@example.org").post("/contacts").then().statusCode(400).extract().asString();
        assertThat(page).contains("id=\"contact-number-error\"").contains("value=\"call me maybe\"")
                .contains("value=\"Bad Number Person\"").contains("value=\"bad@example.org\"");

        s.request().contentType("application/json").body(Map.of("name", "Bad Number Person", "number", "12ab"))
                .post("/api/contacts").then().statusCode(400).body("field", equalTo("number")).body("error", containsString("number"));
        s.request().contentType("application/json").body(Map.of("name", "", "number", number())).post("/api/contacts").then()
                .statusCode(400).body("field", equalTo("name"));
    }

    @Test
    void apiCreateReadUpdateDeleteWithTheVersion() {
        WebSession s = WebSession.as(Role.OPERATOR);
        String number = number();
        JsonPath created = s.request().contentType("application/json").body(Map.of("name", "Api Person", "number", number))
                .post("/api/contacts").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        assertThat(created.getString("number")).startsWith("+4930");
        s.request().get("/api/contacts/" + id).then().statusCode(200).body("name", equalTo("Api Person"));
        s.request().contentType("application/json").body(Map.of("name", "Api Person 2", "number", number, "version", 0))
                .put("/api/contacts/" + id).then().statusCode(200).body("version", equalTo(1));
        s.request().contentType("application/json").body(Map.of("name", "Stale", "number", number, "version", 0))
                .put("/api/contacts/" + id).then().statusCode(409).body("error", containsString("changed by someone else"));
        s.request().contentType("application/json").body(Map.of("name", "Twin", "number", number)).post("/api/contacts").then()
                .statusCode(409).body("error", containsString("already belongs to contact"));
        s.request().delete("/api/contacts/" + id).then().statusCode(204);
        s.request().get("/api/contacts/" + id).then().statusCode(404);
    }

    @Test
    void aStaleEditShowsTheConflictAndKeepsTheTypedInput() {
        WebSession s = WebSession.as(Role.OPERATOR);
        String number = number();
        Contact c = contacts.create(ContactDraft.of("Edited Twice", number), "test");
        contacts.update(c.id, c.version, ContactDraft.of("Edited Elsewhere", number), "test");
        String page = s.request().formParam("version", c.version).formParam("name", "My Edit").formParam("number", number)
                .post("/contacts/" + c.id).then().statusCode(409).extract().asString();
        assertThat(page).contains("changed by someone else").contains("value=\"My Edit\"");
    }

    @Test
    void deletingAContactInUseShowsWhy() {
        WebSession s = WebSession.as(Role.OPERATOR);
        Contact c = contacts.create(ContactDraft.of("Invited Person", number()), "test");
        Room room = rooms.create(RoomDraft.of(Integer.toString(4000 + NEXT.incrementAndGet() % 900), "Delete test room"), "test");
        invitees.add(room.id, List.of(c.id), InviteeRole.PARTICIPANT, false, "test");
        s.htmx().post("/contacts/" + c.id + "/delete").then().statusCode(409).header("HX-Retarget", "#flash")
                .body(containsString("is invited to room " + room.number));

        Contact free = contacts.create(ContactDraft.of("Free Person", number()), "test");
        s.htmx().post("/contacts/" + free.id + "/delete").then().statusCode(200);
        s.request().get("/api/contacts/" + free.id).then().statusCode(404);
    }

    @Test
    void searchPagesThroughTheMatches() {
        WebSession s = WebSession.as(Role.VIEWER);
        String tag = "Pagetest" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 25; i++) {
            contacts.create(ContactDraft.of(tag + " " + (char) ('a' + i), number()), "test");
        }
        JsonPath first = s.request().queryParam("q", tag).queryParam("size", 10).get("/api/contacts").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getLong("total")).isEqualTo(25);
        assertThat(first.getLong("pageCount")).isEqualTo(3);
        assertThat(first.getList("items.name", String.class)).hasSize(10).first().isEqualTo(tag + " a");
        assertThat(s.request().queryParam("q", tag).queryParam("size", 10).queryParam("page", 2).get("/api/contacts").jsonPath()
                .getList("items.name", String.class)).containsExactly(tag + " u", tag + " v", tag + " w", tag + " x", tag + " y");
        s.request().queryParam("size", 1000).get("/api/contacts").then().statusCode(400).body("field", equalTo("size"));

        // the page: 20 a page, htmx gets only the results fragment
        String page1 = s.request().queryParam("q", tag).get("/contacts").then().statusCode(200).extract().asString();
        assertThat(page1).contains("Page 1 of 2").contains(tag + " t").doesNotContain(tag + " u").contains("<html");
        String page2 = s.htmx().queryParam("q", tag).queryParam("page", 1).get("/contacts").then().statusCode(200).extract()
                .asString();
        assertThat(page2).contains(tag + " u").contains(tag + " y").doesNotContain("<html").contains("Page 2 of 2");
    }

    @Test
    void csvImportReportsEveryRowOnThePageAndInTheApi() {
        WebSession s = WebSession.as(Role.OPERATOR);
        String taken = number();
        contacts.create(ContactDraft.of("Already Here", taken), "test");
        String a = number();
        String b = number();
        String csv = "name,number,email\n" + "Import One," + a + ",\n" + "Import Dup," + taken + ",\n" + "Import Bad,not a number,\n"
                + "Import Two," + b + ",two@example.org\n" + "Import Again," + a + ",\n" + "Bad Mail," + number() + ",nope\n";
        String page = s.request().multiPart("file", "people.csv", csv.getBytes(), "text/csv").post("/contacts/import").then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("Report for people.csv").contains("2 imported").contains("2 duplicate(s)").contains("2 invalid")
                .contains("already in the directory as &#39;Already Here&#39;").contains("same number");
        assertThat(page).containsPattern("(?s)<td data-label=\"Row\">4</td>.*INVALID.*number");

        String c = number();
        JsonPath report = s.request().contentType("text/csv").body("name,number\nApi Import," + c + "\nApi Dup," + c + "\n,x\n")
                .post("/api/contacts/import").then().statusCode(200).extract().jsonPath();
        assertThat(report.getLong("imported")).isEqualTo(1);
        assertThat(report.getLong("duplicates")).isEqualTo(1);
        assertThat(report.getLong("invalid")).isEqualTo(1);
        assertThat(report.getList("report.outcome", String.class)).containsExactly("IMPORTED", "DUPLICATE", "INVALID");
        assertThat(report.getList("report.row", Integer.class)).containsExactly(2, 3, 4);

        s.request().multiPart("file", "bad.csv", "no header here\n".getBytes(), "text/csv").post("/api/contacts/import").then()
                .statusCode(400).body("field", equalTo("file"));
        String refused = s.request().multiPart("file", "empty.csv", new byte[0], "text/csv").post("/contacts/import").then()
                .statusCode(400).extract().asString();
        assertThat(refused).contains("import-file-error");
    }

    @Test
    void aSessionPostWithoutCsrfTokenIsRefused() {
        WebSession s = WebSession.as(Role.OPERATOR);
        s.withoutCsrf().contentType("application/json").body(Map.of("name", "No Token", "number", number())).post("/api/contacts")
                .then().statusCode(403);
        s.withoutCsrf().multiPart("file", "x.csv", "name,number\n".getBytes(), "text/csv").post("/contacts/import").then()
                .statusCode(400);
        s.request().queryParam("q", "No Token").get("/api/contacts").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void viewersMayReadButNotChange() {
        WebSession s = WebSession.as(Role.VIEWER);
        s.request().get("/contacts").then().statusCode(200).body(not(containsString("New contact")));
        s.request().contentType("application/json").body(Map.of("name", "Viewer", "number", number())).post("/api/contacts").then()
                .statusCode(403);
        s.request().formParam("name", "Viewer").formParam("number", number()).post("/contacts").then().statusCode(403);
    }
}
