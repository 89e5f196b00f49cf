package org.confroom.web.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.confroom.conference.live.SimPbx.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confroom.ami.action.ConfbridgeKick;
import org.confroom.conference.invitee.InviteeRole;
import org.confroom.conference.invite.InvitationService;
import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.live.SimPbx;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.web.security.ApiTokenService;
import org.confroom.web.security.Role;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(WebTestProfile.class)
class OperationsTest {
    private static final Path LOG_FILE = Path.of("target/web-test.log");

    @jakarta.inject.Inject
    RoomService rooms;

    @jakarta.inject.Inject
    InvitationService invitations;

    @jakarta.inject.Inject
    LiveRooms live;

    @jakarta.inject.Inject
    ApiTokenService tokens;

    @Test
    void healthHasTheAmiConnectionUp() {
        await("PBX connected", () -> live.status().live());
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("AMI connection"))
                .body("checks.find { it.name == 'AMI connection' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'AMI connection' }.data.state", equalTo("READY"))
                .body("checks.find { it.name == 'AMI connection' }.data.host", equalTo(
                        ConfigProvider.getConfig().getValue("confroom.pbx.host", String.class) + ":"
                                + ConfigProvider.getConfig().getValue("confroom.pbx.port", String.class)));
        String health = given().get("/q/health").then().statusCode(200).extract().asString();
        assertThat(health).contains("AMI connection", "Database connections health check");
    }

    @Test
    void metricsNameOurMetersAndOriginatesAreCounted() {
        await("PBX connected", () -> live.status().live());
        String metrics = metrics();
        assertThat(metrics).contains("confroom_originates_total{outcome=\"answered\"}", "confroom_originates_total{outcome=\"busy\"}",
                "confroom_originates_total{outcome=\"no_answer\"}", "confroom_ami_events_received_total",
                "confroom_ami_events_lost_total", "confroom_ami_event_queue_depth", "confroom_rooms_active",
                "confroom_room_members", "confroom_calls_live", "confroom_ami_connected 1.0");
        double answered = value(metrics, "confroom_originates_total{outcome=\"answered\"}");
        double busy = value(metrics, "confroom_originates_total{outcome=\"busy\"}");
        double events = value(metrics, "confroom_ami_events_received_total");

        Room room = rooms.create(RoomDraft.of("7621", "Metrics room"), "test");
        invitations.invite(room.id, "1081", InviteeRole.PARTICIPANT, "test");
        invitations.invite(room.id, "8081", InviteeRole.PARTICIPANT, "test");
        await("answered counted", () -> value(metrics(), "confroom_originates_total{outcome=\"answered\"}") >= answered + 1);
        await("busy counted", () -> value(metrics(), "confroom_originates_total{outcome=\"busy\"}") >= busy + 1);
        await("member counted", () -> value(metrics(), "confroom_room_members") >= 1);
        assertThat(value(metrics(), "confroom_ami_events_received_total")).isGreaterThan(events);
        try (SimPbx pbx = SimPbx.connect()) {
            pbx.send(new ConfbridgeKick("7621", "all"));
        }
    }

    @Test
    void noSecretReachesTheLog() throws IOException {
        String amiSecret = ConfigProvider.getConfig().getValue("confroom.pbx.secret", String.class);
        assertThat(amiSecret).isNotBlank();
        String token = tokens.create("log-check", Role.VIEWER, "test").secret();
        given().header("Authorization", "Bearer " + token).get("/api/live-calls").then().statusCode(200);
        String wrongPassword = "wrong-password-Zq81x";
        given().redirects().follow(false).formParam("j_username", "test-operator").formParam("j_password", wrongPassword)
                .post("/j_security_check").then().statusCode(302);
        WebSession.as(Role.OPERATOR);

        assertThat(LOG_FILE).exists();
        String log = Files.readString(LOG_FILE);
        // the wire log (DEBUG for org.confroom.ami.wire in the tests) shows the AMI login itself
        assertThat(log).contains("Action: Login", "Installed features");
        assertThat(log).doesNotContain(amiSecret).doesNotContain(token).doesNotContain(token.substring(3))
                .doesNotContain(wrongPassword).doesNotContain(WebSession.PASSWORD);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        if (!m.find()) {
            throw new AssertionError("no series " + series + " in /q/metrics");
        }
        return Double.parseDouble(m.group(1));
    }
}
