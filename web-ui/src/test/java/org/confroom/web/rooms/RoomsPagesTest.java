package org.confroom.web.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.web.security.Role;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The rooms pages: forms with field errors and kept input, stale edits, archive, escaping, and what a viewer may do. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class RoomsPagesTest {
    private static final Pattern ROOM_LOCATION = Pattern.compile("/rooms/([0-9]+)$");

    @Inject
    RoomService rooms;

    @Test
    void aRoomNamedLikeAScriptShowsAsText() {
        WebSession s = WebSession.as(Role.OPERATOR);
        long id = created(s.request().formParam("number", "6101").formParam("name", "<script>alert(1)</script>").post("/rooms"));
        for (String page : new String[] { "/rooms", "/rooms/" + id, "/rooms/" + id + "/edit", "/" }) {
            String html = s.request().get(page).then().statusCode(200).extract().asString();
            assertThat(html).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        }
    }

    @Test
    void aRefusedFormNamesTheFieldAndKeepsTheInput() {
        WebSession s = WebSession.as(Role.OPERATOR);
        String html = s.request().formParam("number", "61x2").formParam("name", "Kept name").formParam("pin", "99")
                .post("/rooms").then().statusCode(400).extract().asString();
        assertThat(html).contains("id=\"number-error\"").contains("is not valid: digits only").contains("value=\"61x2\"")
                .contains("value=\"Kept name\"").contains("value=\"99\"").contains("aria-invalid=\"true\"");
        html = s.request().formParam("number", "6102").formParam("name", "Pin").formParam("pin", "12")
                .post("/rooms").then().statusCode(400).extract().asString();
        assertThat(html).contains("id=\"pin-error\"").contains("4 to 12 digits").doesNotContain("id=\"number-error\"");
        html = s.request().formParam("number", "6103").formParam("name", "Cap").formParam("maxMembers", "many")
                .post("/rooms").then().statusCode(400).extract().asString();
        assertThat(html).contains("id=\"maxMembers-error\"").contains("not a whole number").contains("value=\"many\"");
        assertThat(rooms.findActiveByNumber("6102")).isEmpty();
    }

    @Test
    void aDuplicateNumberIsAConflictWithTheInputKept() {
        WebSession s = WebSession.as(Role.OPERATOR);
        rooms.create(RoomDraft.of("6104", "First"), "test");
        String html = s.request().formParam("number", "6104").formParam("name", "Second").post("/rooms").then().statusCode(409)
                .extract().asString();
        assertThat(html).contains("already used").contains("value=\"Second\"");
    }

    @Test
    void editSavesAndAStaleVersionSaysSomeoneElseChangedIt() {
        WebSession s = WebSession.as(Role.OPERATOR);
        Room room = rooms.create(RoomDraft.of("6105", "Before"), "test");
        String form = s.request().get("/rooms/" + room.id + "/edit").then().statusCode(200).extract().asString();
        assertThat(form).contains("name=\"version\" value=\"" + room.version + "\"").contains("value=\"Before\"");
        s.request().formParam("version", room.version).formParam("number", "6105").formParam("name", "After")
                .post("/rooms/" + room.id).then().statusCode(303).header("Location", containsString("/rooms/" + room.id));
        assertThat(rooms.get(room.id).name).isEqualTo("After");
        String html = s.request().formParam("version", room.version).formParam("number", "6105").formParam("name", "Mine")
                .post("/rooms/" + room.id).then().statusCode(409).extract().asString();
        assertThat(html).contains("changed by someone else").contains("value=\"Mine\"");
        assertThat(rooms.get(room.id).name).isEqualTo("After");
    }

    @Test
    void archiveByFormAndByHtmxLeavesTheListUnlessAsked() {
        WebSession s = WebSession.as(Role.OPERATOR);
        Room a = rooms.create(RoomDraft.of("6106", "Plain archive"), "test");
        Room b = rooms.create(RoomDraft.of("6107", "Htmx archive"), "test");
        String detail = s.request().get("/rooms/" + a.id).then().statusCode(200).extract().asString();
        assertThat(detail).contains("hx-confirm=\"Archive room 6106");
        s.withoutCsrf().formParam("csrf-token", s.csrfToken()).post("/rooms/" + a.id + "/archive").then().statusCode(303)
                .header("Location", containsString("/rooms"));
        s.htmx().post("/rooms/" + b.id + "/archive").then().statusCode(204).header("HX-Redirect", "/rooms");
        s.request().get("/rooms").then().statusCode(200).body(not(containsString("Plain archive")))
                .body(not(containsString("Htmx archive")));
        s.request().get("/rooms?archived=true").then().statusCode(200).body(containsString("Plain archive"))
                .body(containsString("Htmx archive")).body(containsString("archived"));
        assertThat(rooms.get(a.id).archived()).isTrue();
    }

    @Test
    void aViewerSeesNoActionsAndIsRefusedEveryChange() {
        Room room = rooms.create(RoomDraft.of("6108", "Viewer room"), "test");
        WebSession v = WebSession.as(Role.VIEWER);
        String list = v.request().get("/rooms").then().statusCode(200).extract().asString();
        assertThat(list).contains("Viewer room").doesNotContain("/rooms/new");
        String html = v.request().get("/rooms/" + room.id).then().statusCode(200).extract().asString();
        assertThat(html).contains("Viewer room").doesNotContain("hx-post").doesNotContain("/edit").doesNotContain("Invite numbers");
        v.request().get("/rooms/new").then().statusCode(403);
        v.request().get("/rooms/" + room.id + "/edit").then().statusCode(403);
        String base = "/rooms/" + room.id;
        for (String path : new String[] { "/rooms", base, base + "/archive", base + "/invitees", base + "/invitees/1",
                base + "/invitees/1/remove", base + "/invitations", base + "/dial-all",
                base + "/attempts/00000000-0000-0000-0000-000000000000/cancel", base + "/members/mute", base + "/members/unmute",
                base + "/members/kick", base + "/mute-all", base + "/unmute-all", base + "/lock", base + "/unlock",
                base + "/record-start", base + "/record-stop", base + "/end" }) {
            v.htmx().formParam("channel", "Local/1@x;1").formParam("number", "6199").formParam("name", "x")
                    .formParam("numbers", "2001").formParam("role", "PARTICIPANT").post(path).then().statusCode(403);
        }
        assertThat(rooms.get(room.id).archived()).isFalse();
        assertThat(rooms.findActiveByNumber("6199")).isEmpty();
    }

    static long created(Response r) {
        r.then().statusCode(303);
        Matcher m = ROOM_LOCATION.matcher(r.header("Location"));
        assertThat(m.find()).as("redirect to the new room: " + r.header("Location")).isTrue();
        return Long.parseLong(m.group(1));
    }
}
