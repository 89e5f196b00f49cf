package org.confroom.web.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.confroom.conference.directory.ContactDraft;
import org.confroom.conference.directory.ContactService;
import org.confroom.web.security.Role;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The rooms API: CRUD with validation and version conflicts, invitees, refusals per number, and a viewer's 403s. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class RoomsApiTest {
    @Inject
    ContactService contacts;

    @Test
    void createReadUpdateArchive() {
        WebSession s = WebSession.as(Role.OPERATOR);
        int id = s.request().contentType(ContentType.JSON).body(Map.of("number", "6201", "name", "Api room", "maxMembers", 10))
                .post("/api/rooms").then().statusCode(201).header("Location", containsString("/api/rooms/"))
                .body("number", equalTo("6201")).body("bridgeProfile", equalTo("default_bridge")).extract().path("id");
        int version = s.request().get("/api/rooms/" + id).then().statusCode(200).body("name", equalTo("Api room"))
                .body("maxMembers", equalTo(10)).extract().path("version");
        s.request().contentType(ContentType.JSON).body(Map.of("number", "6201", "name", "Renamed", "version", version))
                .put("/api/rooms/" + id).then().statusCode(200).body("name", equalTo("Renamed"))
                .body("version", equalTo(version + 1));
        s.request().contentType(ContentType.JSON).body(Map.of("number", "6201", "name", "Stale", "version", version))
                .put("/api/rooms/" + id).then().statusCode(409).body("error", containsString("changed by someone else"));
        s.request().contentType(ContentType.JSON).body(Map.of("number", "6201", "name", "No version"))
                .put("/api/rooms/" + id).then().statusCode(400).body("field", equalTo("version"));
        s.request().get("/api/rooms").then().statusCode(200).body("number", hasItem("6201"));
        s.request().delete("/api/rooms/" + id).then().statusCode(204);
        s.request().get("/api/rooms").then().statusCode(200).body("number", not(hasItem("6201")));
        s.request().get("/api/rooms?archived=true").then().statusCode(200).body("number", hasItem("6201"));
        s.request().get("/api/rooms/" + id).then().statusCode(200).body("archivedAt", not(equalTo(null)));
        s.request().get("/api/rooms/999999").then().statusCode(404).body("error", containsString("999999"));
    }

    @Test
    void validationErrorsNameTheField() {
        WebSession s = WebSession.as(Role.OPERATOR);
        s.request().contentType(ContentType.JSON).body(Map.of("number", "62a", "name", "x")).post("/api/rooms").then()
                .statusCode(400).body("field", equalTo("number"));
        s.request().contentType(ContentType.JSON).body(Map.of("number", "6202", "name", "x", "callerIdName", "Eve <1>"))
                .post("/api/rooms").then().statusCode(400).body("field", equalTo("callerIdName"));
        s.request().contentType(ContentType.JSON).post("/api/rooms").then().statusCode(400);
        int id = s.request().contentType(ContentType.JSON).body(Map.of("number", "6203", "name", "Inv")).post("/api/rooms")
                .then().statusCode(201).extract().path("id");
        s.request().contentType(ContentType.JSON).body(Map.of("numbers", List.of(), "role", "PARTICIPANT"))
                .post("/api/rooms/" + id + "/invitations").then().statusCode(400).body("field", equalTo("numbers"));
        s.request().contentType(ContentType.JSON).body(Map.of("numbers", List.of("2001"), "role", "BOSS"))
                .post("/api/rooms/" + id + "/invitations").then().statusCode(400).body("field", equalTo("role"));
        // a number the plan refuses is reported per number, the others are still queued
        s.request().contentType(ContentType.JSON).body(Map.of("numbers", List.of("abc, 2071"), "role", "PARTICIPANT"))
                .post("/api/rooms/" + id + "/invitations").then().statusCode(200)
                .body("[0].target", equalTo("abc")).body("[0].queued", equalTo(false)).body("[0].refusal", containsString("number"))
                .body("[1].target", equalTo("2071")).body("[1].queued", equalTo(true));
    }

    @Test
    void inviteesAreAddedChangedAndRemoved() {
        WebSession s = WebSession.as(Role.OPERATOR);
        long ada = contacts.create(ContactDraft.of("Ada Api", "2301"), "test").id;
        long bob = contacts.create(ContactDraft.of("Bob Api", "2302"), "test").id;
        int id = s.request().contentType(ContentType.JSON).body(Map.of("number", "6204", "name", "Invitees")).post("/api/rooms")
                .then().statusCode(201).extract().path("id");
        String base = "/api/rooms/" + id + "/invitees";
        s.request().contentType(ContentType.JSON).body(Map.of("contactIds", List.of(ada, bob), "role", "PARTICIPANT"))
                .post(base).then().statusCode(201).body("size()", equalTo(2));
        s.request().contentType(ContentType.JSON).body(Map.of("contactIds", List.of(ada), "role", "PARTICIPANT"))
                .post(base).then().statusCode(409).body("error", containsString("already invited"));
        s.request().contentType(ContentType.JSON).body(Map.of("role", "MODERATOR", "autoDial", false)).put(base + "/" + bob)
                .then().statusCode(200).body("role", equalTo("MODERATOR")).body("autoDial", equalTo(false));
        s.request().get(base).then().statusCode(200).body("[0].name", equalTo("Bob Api")).body("[1].name", equalTo("Ada Api"));
        s.request().delete(base + "/" + ada).then().statusCode(204);
        s.request().get(base).then().statusCode(200).body("size()", equalTo(1));
        // the page lists them and searches the directory
        s.request().get("/rooms/" + id).then().statusCode(200).body(containsString("Bob Api"));
        s.request().get("/rooms/" + id + "/contacts?q=Ada").then().statusCode(200).body(containsString("Ada Api"))
                .body(containsString("value=\"" + ada + "\""));
        s.htmx().formParam("contactId", ada).formParam("role", "MODERATOR").formParam("autoDial", "on")
                .post("/rooms/" + id + "/invitees").then().statusCode(200).body(containsString("Ada Api"));
        s.request().get(base).then().body("size()", equalTo(2)).body("find { it.name == 'Ada Api' }.role", equalTo("MODERATOR"));
    }

    @Test
    void aViewerReadsButEveryChangeIs403() {
        WebSession op = WebSession.as(Role.OPERATOR);
        int id = op.request().contentType(ContentType.JSON).body(Map.of("number", "6205", "name", "Read only"))
                .post("/api/rooms").then().statusCode(201).extract().path("id");
        WebSession v = WebSession.as(Role.VIEWER);
        v.request().get("/api/rooms/" + id).then().statusCode(200);
        v.request().get("/api/rooms/" + id + "/live").then().statusCode(200).body("active", equalTo(false));
        v.request().get("/api/rooms/" + id + "/attempts").then().statusCode(200);
        v.request().get("/api/rooms/" + id + "/invitees").then().statusCode(200);
        String b = "/api/rooms/" + id;
        Map<String, Object> body = Map.of("number", "6206", "name", "x", "version", 0, "channel", "Local/1@x;1",
                "numbers", List.of("2001"), "role", "PARTICIPANT", "contactIds", List.of(1));
        for (String path : new String[] { "/api/rooms", b + "/invitees", b + "/invitations", b + "/dial-all",
                b + "/members/mute", b + "/members/unmute", b + "/members/kick", b + "/mute-all", b + "/unmute-all", b + "/lock",
                b + "/unlock", b + "/record/start", b + "/record/stop", b + "/end" }) {
            v.request().contentType(ContentType.JSON).body(body).post(path).then().statusCode(403);
        }
        v.request().contentType(ContentType.JSON).body(body).put(b).then().statusCode(403);
        v.request().contentType(ContentType.JSON).body(body).put(b + "/invitees/1").then().statusCode(403);
        v.request().delete(b + "/invitees/1").then().statusCode(403);
        v.request().delete(b).then().statusCode(403);
        op.request().get(b).then().body("archivedAt", equalTo(null)).body("name", equalTo("Read only"));
        assertThat(op.request().get(b + "/attempts").then().extract().jsonPath().getList("$")).isEmpty();
    }
}
