package org.confroom.web.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.confroom.conference.live.SimPbx.await;
import static org.confroom.conference.live.SimPbx.awaitValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;
import java.util.Map;

import org.confroom.ami.action.ConfbridgeKick;
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
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(WebTestProfile.class)
class LiveCallsApiTest extends SimCallsTest {
    @Test
    void callIsListedAndMergedUntilBothLegsAreMembers() {
        Room room = rooms.create(RoomDraft.of("7601", "API merge"), "test");
        String a = pbx.twoPartyCall("1061", "2061", "Api Alice");
        LiveCall call = awaitValue("call listed", () -> calls.callOf(a).orElse(null));
        WebSession op = WebSession.as(Role.OPERATOR);
        op.request().get("/api/live-calls").then().statusCode(200).body("stale", is(false))
                .body("calls.id", hasItem(call.id())).body("calls.find { it.id == '" + call.id() + "' }.a.channel", equalTo(call.a().channel()))
                .body("calls.find { it.id == '" + call.id() + "' }.b.channel", equalTo(call.b().channel()));
        List<String> numbers = op.request().get("/api/live-calls").then().extract()
                .path("calls.findAll { it.id == '" + call.id() + "' }.collect { [it.a.callerIdNum, it.b.callerIdNum] }.flatten()");
        assertThat(numbers).containsExactlyInAnyOrder("1061", "2061");

        var created = op.request().contentType(ContentType.JSON).body(Map.of("roomId", room.id))
                .post("/api/live-calls/{id}/merge", call.id()).then().statusCode(201).body("kind", equalTo("merge"))
                .body("roomNumber", equalTo("7601")).body("state", oneOf("SENT", "DONE")).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/merges/" + id);

        await("merge DONE", () -> "DONE".equals(op.request().get("/api/merges/{id}", id).then().statusCode(200).extract().path("state")));
        List<String> legs = op.request().get("/api/merges/{id}", id).then().extract().path("legs.result");
        assertThat(legs).containsExactly("JOINED", "JOINED");
        await("both legs members", () -> live.room("7601").map(r -> r.member(call.a().channel()).isPresent()
                && r.member(call.b().channel()).isPresent() && r.memberCount() == 2).orElse(false));
        op.request().get("/api/merges").then().statusCode(200).body("id", hasItem(id));
        pbx.send(new ConfbridgeKick("7601", "all"));
    }

    @Test
    void pullMovesOneSide() {
        Room room = rooms.create(RoomDraft.of("7602", "API pull"), "test");
        String a = pbx.twoPartyCall("1062", "2062", "Api Bob");
        awaitValue("call listed", () -> calls.callOf(a).orElse(null));
        WebSession op = WebSession.as(Role.OPERATOR);
        String id = op.request().contentType(ContentType.JSON).body(Map.of("channel", a, "roomId", room.id))
                .post("/api/live-calls/pull").then().statusCode(201).body("kind", equalTo("pull"))
                .body("channelA", equalTo(a)).extract().path("id");
        await("pull DONE", () -> "DONE".equals(op.request().get("/api/merges/{id}", id).then().extract().path("state")));
        await("puller is a member", () -> live.room("7602").flatMap(r -> r.member(a)).isPresent());
        assertThat(live.room("7602").map(LiveRoom::memberCount)).contains(1);
        pbx.send(new ConfbridgeKick("7602", "all"));
    }

    @Test
    void viewerMayReadButNotMerge() {
        Room room = rooms.create(RoomDraft.of("7603", "API viewer"), "test");
        WebSession viewer = WebSession.as(Role.VIEWER);
        viewer.request().get("/api/live-calls").then().statusCode(200);
        viewer.request().get("/api/merges").then().statusCode(200);
        viewer.request().contentType(ContentType.JSON).body(Map.of("roomId", room.id))
                .post("/api/live-calls/{id}/merge", "any-call").then().statusCode(403);
        viewer.request().contentType(ContentType.JSON).body(Map.of("channel", "Local/1@phones-1;1", "roomId", room.id))
                .post("/api/live-calls/pull").then().statusCode(403);
    }

    @Test
    void vanishedCallAndBadInputGetClearErrors() {
        Room room = rooms.create(RoomDraft.of("7604", "API errors"), "test");
        String a = pbx.twoPartyCall("1064", "2064", "Api Carol");
        LiveCall call = awaitValue("call listed", () -> calls.callOf(a).orElse(null));
        pbx.hangup(a);
        await("call gone", () -> calls.call(call.id()).isEmpty());
        WebSession op = WebSession.as(Role.OPERATOR);
        op.request().contentType(ContentType.JSON).body(Map.of("roomId", room.id)).post("/api/live-calls/{id}/merge", call.id())
                .then().statusCode(404).body("error", containsString("no live two-party call " + call.id()))
                .body("error", containsString("it may have ended"));
        op.request().contentType(ContentType.JSON).body("{}").post("/api/live-calls/{id}/merge", call.id())
                .then().statusCode(400).body("field", equalTo("roomId"));
        op.request().contentType(ContentType.JSON).body(Map.of("channel", a, "roomId", room.id)).post("/api/live-calls/pull")
                .then().statusCode(404).body("error", containsString("not in a live two-party call"));
        op.request().get("/api/merges/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("error", containsString("no merge request"));
        op.request().get("/api/merges/{id}", "not-a-uuid").then().statusCode(404);
        op.request().get("/api/merges?limit=0").then().statusCode(400).body("field", equalTo("limit"));
    }
}
