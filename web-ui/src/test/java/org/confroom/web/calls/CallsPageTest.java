package org.confroom.web.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.confroom.conference.live.SimPbx.await;
import static org.confroom.conference.live.SimPbx.awaitValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.confroom.ami.action.ConfbridgeKick;
import org.confroom.ami.action.ConfbridgeLock;
import org.confroom.conference.live.LiveRoom;
import org.confroom.conference.merge.LiveCall;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.web.security.Role;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(WebTestProfile.class)
class CallsPageTest extends SimCallsTest {
    @Test
    void pageListsTheCallWithEscapedCallerNamesAndMergesItByHtmx() {
        Room room = rooms.create(RoomDraft.of("7611", "Page merge"), "test");
        // the simulator's CallerID parser splits at the first '<', so a name cannot carry '<script>' through it;
        // '>', '&' and quotes can (a '<script>' name: callerNamesWithMarkupAreEscaped)
        String a = pbx.twoPartyCall("1071", "2071", "Mallory'> & co");
        LiveCall call = awaitValue("call listed", () -> calls.callOf(a).orElse(null));
        WebSession op = WebSession.as(Role.OPERATOR);
        String html = op.request().get("/calls").then().statusCode(200).extract().asString();
        assertThat(html).contains("data-call=\"" + call.id() + "\"", a, "sse-connect=\"/events/calls\"", "Merge into room",
                "/calls/" + call.id() + "/merge", "<option value=\"" + room.id + "\">7611 Page merge</option>");
        assertThat(html).contains("Mallory&#39;&gt; &amp; co").doesNotContain("Mallory'>");

        String fragment = op.htmx().formParam("roomId", room.id).post("/calls/{id}/merge", call.id()).then().statusCode(200)
                .extract().asString();
        assertThat(fragment).contains("<table class=\"grid responsive merges\">", call.a().channel(), call.b().channel())
                .doesNotContain("<html");
        await("both legs members", () -> live.room("7611").map(LiveRoom::memberCount).orElse(0) == 2);
        await("page shows DONE", () -> op.request().get("/calls").then().extract().asString()
                .contains("badge merge-done"));
        pbx.send(new ConfbridgeKick("7611", "all"));
    }

    @Test
    void pullByAPlainFormRedirectsBackAndLockedRoomsAreFlagged() {
        Room room = rooms.create(RoomDraft.of("7612", "Page pull"), "test");
        pbx.joinQuiet("7612", "1072", "Lock Holder");
        pbx.send(new ConfbridgeLock("7612"));
        await("room seen locked", () -> live.room("7612").map(LiveRoom::locked).orElse(false));
        String a = pbx.twoPartyCall("1073", "2073", "Dora");
        awaitValue("call listed", () -> calls.callOf(a).orElse(null));
        WebSession op = WebSession.as(Role.OPERATOR);
        String html = op.request().get("/calls").then().statusCode(200).extract().asString();
        assertThat(html).contains("7612 Page pull (locked)", "data-locked-warning");

        op.request().formParam("csrf-token", op.csrfToken()).formParam("channel", a).formParam("roomId", room.id)
                .post("/calls/pull").then().statusCode(303).header("Location", containsString("/calls"));
        await("pull decided", () -> op.request().get("/calls").then().extract().asString().contains("badge merge-failed"));
        pbx.send(new ConfbridgeKick("7612", "all"));
    }

    @Test
    void badInputIsExplainedAndViewersSeeNoCommands() {
        WebSession op = WebSession.as(Role.OPERATOR);
        op.htmx().formParam("roomId", "").post("/calls/{id}/merge", "whatever").then().statusCode(400)
                .header("HX-Retarget", "#flash").body(containsString("roomId: choose a room"));
        Room room = rooms.create(RoomDraft.of("7613", "Page errors"), "test");
        op.htmx().formParam("roomId", room.id).post("/calls/{id}/merge", "no-such-call").then().statusCode(404)
                .body(containsString("no live two-party call no-such-call"));

        String a = pbx.twoPartyCall("1074", "2074", "Eve");
        awaitValue("call listed", () -> calls.callOf(a).orElse(null));
        WebSession viewer = WebSession.as(Role.VIEWER);
        viewer.request().get("/calls").then().statusCode(200).body(containsString(a)).body(not(containsString("Merge into room")))
                .body(not(containsString("Place a demo call")));
        viewer.htmx().formParam("roomId", room.id).formParam("channel", a).post("/calls/pull").then().statusCode(403);
        pbx.hangup(a);
    }

    @Test
    void callerNamesWithMarkupAreEscaped() {
        java.time.Instant now = java.time.Instant.now();
        LiveCall call = new LiveCall("bridge-x",
                new org.confroom.conference.merge.CallParty("Local/1@phones-1;1", "u1", "1", "<script>alert(1)</script>", now),
                new org.confroom.conference.merge.CallParty("Local/2@phones-2;1", "u2", "2\"><img src=x>", "Bob", now));
        CallsView.CallsModel model = new CallsView.CallsModel(java.util.List.of(new CallsView.CallLine(call, "10:00:00")), false,
                java.util.List.of(new CallsView.RoomOption(1, "700", "<b>Room</b>", true, true)));
        String html = CallsPage.Templates.calls$calls(model, true, "t\"oken").render();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x&gt;", "&lt;b&gt;Room&lt;/b&gt; (locked)",
                "value=\"t&quot;oken\"").doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>");
    }

    @Test
    void demoCallIsRefusedOutsideDemoMode() {
        WebSession op = WebSession.as(Role.OPERATOR);
        op.request().get("/calls").then().statusCode(200).body(not(containsString("Place a demo call")));
        op.htmx().formParam("from", "1075").formParam("to", "2075").formParam("name", "Frank").post("/calls/demo-call")
                .then().statusCode(409).body(containsString("only be placed in demo mode"));
        assertThat(calls.calls()).noneMatch(c -> c.a().callerIdNum().equals("1075") || c.b().callerIdNum().equals("1075"));
    }
}
