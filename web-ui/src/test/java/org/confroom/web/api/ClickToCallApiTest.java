package org.confroom.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.confroom.conference.calls.ClickToCallService;
import org.confroom.conference.live.SimPbx;
import org.confroom.web.security.ApiTokenService;
import org.confroom.web.security.Role;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** POST /api/calls with an API token against the simulated Asterisk, and the dial policy's refusals. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class ClickToCallApiTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    ApiTokenService tokens;

    @Inject
    ClickToCallService calls;

    @Test
    void aTokenCallsTheFirstNumberAndConnectsItToTheSecond() throws InterruptedException {
        String secret = tokens.create("crm-" + UUID.randomUUID(), Role.OPERATOR, "test").secret();
        JsonPath queued = bearer(secret).body(Map.of("from", "2001", "to", "2002")).post("/api/calls").then().statusCode(201)
                .header("Location", containsString("/api/calls/")).body("from", equalTo("2001")).body("to", equalTo("2002"))
                .extract().jsonPath();
        String id = queued.getString("id");
        assertThat(queued.getString("state")).isIn("QUEUED", "DIALING");
        assertThat(queued.getString("requestedBy")).startsWith("token:crm-");

        JsonPath connected = poll(secret, id, Set.of("JOINED", "ENDED", "FAILED"));
        assertThat(connected.getString("state")).as("connected: %s", connected.prettify()).isEqualTo("JOINED");
        assertThat(connected.getString("answeredAt")).isNotNull();
        assertThat(connected.getString("connectedAt")).isNotNull();

        bearer(secret).delete("/api/calls/" + id).then().statusCode(409);
        bearer(secret).body(Map.of("from", "2001", "to", "2002")).post("/api/calls").then().statusCode(409)
                .body("error", containsString("already being dialled"));
        try (SimPbx pbx = SimPbx.connect()) {
            pbx.hangup(calls.get(UUID.fromString(id)).channel);
        }
        assertThat(poll(secret, id, Set.of("ENDED", "FAILED")).getString("state")).isEqualTo("ENDED");
    }

    @Test
    void thePolicyRefusesWithAClearMessageNamingTheNumber() {
        String secret = tokens.create("crm-refused-" + UUID.randomUUID(), Role.OPERATOR, "test").secret();
        bearer(secret).body(Map.of("from", "2003", "to", "0900 1234567")).post("/api/calls").then().statusCode(400)
                .body("field", equalTo("to")).body("error", containsString("blocked range"));
        bearer(secret).body(Map.of("from", "call me", "to", "2004")).post("/api/calls").then().statusCode(400)
                .body("field", equalTo("from"));
        bearer(secret).body(Map.of("from", "2005", "to", "2005")).post("/api/calls").then().statusCode(400)
                .body("field", equalTo("to")).body("error", containsString("must differ"));
        bearer(secret).get("/api/calls/" + UUID.randomUUID()).then().statusCode(404);
        bearer(secret).get("/api/calls/not-a-uuid").then().statusCode(404);
    }

    @Test
    void clickToCallNeedsAnOperator() {
        String viewer = tokens.create("viewer-" + UUID.randomUUID(), Role.VIEWER, "test").secret();
        bearer(viewer).body(Map.of("from", "2006", "to", "2007")).post("/api/calls").then().statusCode(403);
        given().contentType("application/json").body(Map.of("from", "2006", "to", "2007")).redirects().follow(false)
                .post("/api/calls").then().statusCode(401);
        WebSession.as(Role.VIEWER).request().contentType("application/json").body(Map.of("from", "2006", "to", "2007"))
                .post("/api/calls").then().statusCode(403);
    }

    @Test
    void theOpenApiDocumentListsTheDirectoryAreaAndSwaggerUiLoads() {
        WebSession s = WebSession.as(Role.VIEWER);
        String doc = s.request().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(doc).contains("\"/api/contacts\"", "\"/api/contacts/{id}\"", "\"/api/contacts/import\"", "\"/api/audit\"",
                "\"/api/users\"", "\"/api/users/{id}/role\"", "\"/api/users/{id}/password\"", "\"/api/users/{id}/enabled\"",
                "\"/api/tokens\"", "\"/api/tokens/{id}\"", "\"/api/calls\"", "\"/api/calls/{id}\"", "Click-to-call");
        s.request().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    private static RequestSpecification bearer(String secret) {
        return given().header("Authorization", "Bearer " + secret).contentType("application/json");
    }

    private static JsonPath poll(String secret, String id, Set<String> states) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            JsonPath call = bearer(secret).get("/api/calls/" + id).then().statusCode(200).extract().jsonPath();
            if (states.contains(call.getString("state")) || Instant.now().isAfter(deadline)) {
                return call;
            }
            Thread.sleep(100);
        }
    }
}
