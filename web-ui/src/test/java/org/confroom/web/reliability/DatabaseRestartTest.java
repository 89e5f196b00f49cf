package org.confroom.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.confroom.conference.testsupport.AmiSimTestResource;
import org.confroom.web.security.Role;
import org.confroom.web.testsupport.RestartablePostgresResource;
import org.confroom.web.testsupport.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * PostgreSQL restarts while operators work (a server of the test's own, never the shared one): while it is
 * down, pages and API answer 503 with a message that says so (no stack trace, no bare 500); the application
 * recovers by itself when it is back; and every command that was answered 2xx has its audit row.
 */
@QuarkusTest
@TestProfile(DatabaseRestartTest.Profile.class)
class DatabaseRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REPORT_COMMAND = "benchmarks/web-harness db-restart";

    /** The restartable PostgreSQL instead of a database on the shared server. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartablePostgresResource.class),
                    new TestResourceEntry(AmiSimTestResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // a request waits at most this long for a connection while the server is down
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }
    }

    /** One request of the activity: what it was and how it was answered. */
    record Outcome(String command, String target, int status, String body) {
    }

    @Test
    void requestsFailClearlyWhileDownAndNoDoneCommandLosesItsAuditRow() throws Exception {
        WebSession s = WebSession.as(Role.OPERATOR);
        int id = roomWithMembers(s, "6401", "2401, 2402");
        String api = "/api/rooms/" + id;
        List<String> channels = awaitMembers(s, api, 2);

        long recoveredMillis;
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread activity = new Thread(() -> work(s, api, channels, outcomes, stop), "db-restart-activity");
        activity.start();
        try {
            Thread.sleep(800);
            RestartablePostgresResource.stopServer();
            long downAt = System.nanoTime();
            try {
                Thread.sleep(500);
                // while down: the API says so in JSON, a page in its own words, an htmx request in the flash area
                Response apiAnswer = s.request().get(api);
                assertClearUnavailable(apiAnswer);
                assertThat(apiAnswer.jsonPath().getString("error")).containsIgnoringCase("database");
                Response page = s.request().get("/rooms/" + id);
                assertClearUnavailable(page);
                assertThat(page.contentType()).startsWith("text/html");
                Response htmx = s.htmx().formParam("channel", channels.get(0)).post("/rooms/" + id + "/members/mute");
                assertClearUnavailable(htmx);
                assertThat(htmx.header("HX-Retarget")).isEqualTo("#flash");
                while (System.nanoTime() - downAt < Duration.ofSeconds(3).toNanos()) {
                    Thread.sleep(100);
                }
            } finally {
                RestartablePostgresResource.startServer();
            }
            long upAt = System.nanoTime();
            long deadline = upAt + WAIT.toNanos();
            while (s.request().get(api).statusCode() != 200) {
                assertThat(System.nanoTime()).as("the application recovers by itself within " + WAIT).isLessThan(deadline);
                Thread.sleep(100);
            }
            recoveredMillis = (System.nanoTime() - upAt) / 1_000_000;
            Thread.sleep(1000); // some activity after the recovery
        } finally {
            stop.set(true);
            activity.join(WAIT.toMillis());
        }

        Map<Integer, Integer> byStatus = new HashMap<>();
        outcomes.forEach(o -> byStatus.merge(o.status(), 1, Integer::sum));
        for (Outcome o : outcomes) {
            assertThat(o.status()).as("%s %s answered %s", o.command(), o.target(), o.body()).isIn(200, 204, 409, 503);
            if (o.status() == 503) {
                assertThat(o.body()).as("503 of %s", o.command()).containsIgnoringCase("database").doesNotContain("Exception");
            }
        }
        assertThat(outcomes.stream().filter(o -> o.status() == 503)).as("commands refused while the database was down").isNotEmpty();
        assertThat(outcomes.stream().filter(o -> o.status() / 100 == 2)).as("commands done before and after").hasSizeGreaterThan(4);

        // every command answered 2xx has its audit row
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + RestartablePostgresResource.port()
                + "/postgres", "postgres", "")) {
            for (Outcome o : outcomes) {
                if (o.status() / 100 == 2 && o.command().equals("room.update")) {
                    assertThat(count(c, id, "room.update", "details->>'name' = '" + o.target() + "'"))
                            .as("audit row of the rename to %s", o.target()).isEqualTo(1);
                }
            }
            for (String command : List.of("member.mute", "member.unmute")) {
                long done = outcomes.stream().filter(o -> o.status() / 100 == 2 && o.command().equals(command)).count();
                assertThat(count(c, id, command, "true")).as("OK audit rows of %s", command).isGreaterThanOrEqualTo(done);
            }
        }
        new org.confroom.web.testsupport.HarnessReport("PostgreSQL restart during activity", REPORT_COMMAND)
                .line("An embedded PostgreSQL of the test's own is stopped for 3 s while an operator renames a room and mutes "
                        + "and unmutes a member in a loop (one request every 50 ms plus its own time).")
                .line("")
                .line("| figure | measured |")
                .line("|---|---|")
                .line("| answers by status | " + byStatus + " |")
                .line("| first 200 from the API after PostgreSQL was back | " + recoveredMillis + " ms |")
                .line("| commands answered 2xx without their audit row | 0 (checked) |")
                .write("db-restart.md");
    }

    @Test
    void aCommandAsteriskCarriedOutIsNotReportedDoneWhenItsAuditRowCannotBeWritten() throws Exception {
        WebSession s = WebSession.as(Role.OPERATOR);
        int id = roomWithMembers(s, "6402", "2403");
        String api = "/api/rooms/" + id;
        String channel = awaitMembers(s, api, 1).get(0);

        // the mute passes the room checks, then waits for Asterisk; the database goes away meanwhile
        var sim = AmiSimTestResource.simulator().controls();
        sim.stallReading(true);
        java.util.concurrent.CompletableFuture<Response> mute;
        try {
            mute = java.util.concurrent.CompletableFuture.supplyAsync(() -> s.request().contentType(ContentType.JSON)
                    .body(Map.of("channel", channel)).post(api + "/members/mute"));
            Thread.sleep(400);
            RestartablePostgresResource.stopServer();
        } finally {
            sim.stallReading(false);
        }
        Response answer;
        try {
            answer = mute.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            RestartablePostgresResource.startServer();
        }
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
        assertThat(answer.jsonPath().getString("error")).contains("Asterisk carried out member.mute").contains("not in the audit log");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (s.request().get(api + "/live").statusCode() != 200) {
            assertThat(System.nanoTime()).as("recovered").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(s.request().get(api + "/live").jsonPath().getBoolean("members.find { it.channel == '" + channel + "' }.muted"))
                .as("Asterisk did mute the member").isTrue();
    }

    /** Renames the room and mutes/unmutes a member in turn until stopped, recording every answer. */
    private static void work(WebSession s, String api, List<String> channels, List<Outcome> outcomes, AtomicBoolean stop) {
        int version = s.request().get(api).then().extract().path("version");
        for (int i = 0; !stop.get(); i++) {
            Outcome o;
            switch (i % 3) {
                case 0 -> {
                    String name = "Restart room r" + i;
                    Response r = s.request().contentType(ContentType.JSON).body(Map.of("number", "6401", "name", name, "version", version))
                            .put(api);
                    if (r.statusCode() == 200) {
                        version = r.jsonPath().getInt("version");
                    } else if (r.statusCode() == 409) {
                        Response now = s.request().get(api);
                        version = now.statusCode() == 200 ? now.jsonPath().getInt("version") : version;
                    }
                    o = new Outcome("room.update", name, r.statusCode(), r.asString());
                }
                default -> {
                    String command = i % 3 == 1 ? "mute" : "unmute";
                    Response r = s.request().contentType(ContentType.JSON).body(Map.of("channel", channels.get(0)))
                            .post(api + "/members/" + command);
                    o = new Outcome("member." + command, channels.get(0), r.statusCode(), r.asString());
                }
            }
            outcomes.add(o);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void assertClearUnavailable(Response r) {
        assertThat(r.statusCode()).as("answer while the database is down: %s", r.asString()).isEqualTo(503);
        assertThat(r.asString()).containsIgnoringCase("database").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static long count(Connection c, int roomId, String action, String condition) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "select count(*) from audit_event where room_id = ? and action = ? and outcome = 'OK' and " + condition)) {
            p.setLong(1, roomId);
            p.setString(2, action);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** @return the id of a new room {@code number} whose invitations to {@code numbers} were accepted */
    private static int roomWithMembers(WebSession s, String number, String numbers) {
        int id = s.request().contentType(ContentType.JSON).body(Map.of("number", number, "name", "Room " + number)).post("/api/rooms")
                .then().statusCode(201).extract().path("id");
        s.request().contentType(ContentType.JSON).body(Map.of("numbers", List.of(numbers), "role", "PARTICIPANT"))
                .post("/api/rooms/" + id + "/invitations").then().statusCode(200);
        return id;
    }

    private static List<String> awaitMembers(WebSession s, String api, int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonPath live = s.request().get(api + "/live").then().statusCode(200).extract().jsonPath();
            List<String> joined = live.getList("members.findAll { it.phase == 'JOINED' }.channel");
            if (joined.size() >= n) {
                return new ArrayList<>(joined);
            }
            assertThat(System.nanoTime()).as("%d members joined", n).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
