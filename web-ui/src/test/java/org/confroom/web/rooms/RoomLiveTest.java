package org.confroom.web.rooms;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.confroom.web.security.Role;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A room live against the simulated Asterisk (x0.05): invited numbers reach JOINED or FAILED BUSY, members
 * appear, are muted, locked, kicked, and the room page's event stream sends the members part after a join
 * and the attempts part after attempt changes.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class RoomLiveTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI base;

    @Test
    void invitedNumbersJoinOrFailAndMembersAreModerated() throws Exception {
        WebSession s = WebSession.as(Role.OPERATOR);
        int id = s.request().contentType(ContentType.JSON).body(Map.of("number", "6301", "name", "Live room")).post("/api/rooms")
                .then().statusCode(201).extract().path("id");
        String api = "/api/rooms/" + id;

        try (SseReader events = SseReader.open(base.resolve("/events/rooms/" + id), sessionCookie())) {
            s.request().contentType(ContentType.JSON).body(Map.of("numbers", List.of("2001\n8001, 2002"), "role", "PARTICIPANT"))
                    .post(api + "/invitations").then().statusCode(200).body("size()", equalTo(3))
                    .body("queued", equalTo(List.of(true, true, true)));

            JsonPath attempts = await("2001 and 2002 JOINED, 8001 FAILED BUSY", () -> s.request().get(api + "/attempts").then()
                    .statusCode(200).extract().jsonPath(), j -> "JOINED".equals(stateOf(j, "2001")) && "JOINED".equals(stateOf(j, "2002"))
                            && j.getList("findAll { it.number == '8001' }.failureReason").contains("BUSY"));
            // busy is retried later: the first attempt failed, a retry may be queued already
            assertThat(attempts.getString("find { it.number == '8001' && it.state == 'FAILED' }.failure")).contains("busy");
            assertThat(attempts.getBoolean("find { it.number == '2001' }.cancellable")).isFalse();

            JsonPath live = await("two members in the room", () -> s.request().get(api + "/live").then().statusCode(200).extract()
                    .jsonPath(), j -> j.getList("members.findAll { it.phase == 'JOINED' }").size() == 2);
            assertThat(live.getBoolean("active")).isTrue();
            assertThat(live.getBoolean("stale")).isFalse();

            assertThat(events.next("members", html -> html.contains("JOINED"), WAIT)).contains("data-channel=");
            assertThat(events.next("attempts", html -> html.contains("data-state=\"JOINED\""), WAIT)).contains("8001");

            String channel = live.getString("members[0].channel");
            assertThat(channel).contains("/").contains(";");
            s.request().contentType(ContentType.JSON).body(Map.of("channel", channel)).post(api + "/members/mute").then()
                    .statusCode(204);
            await("the member muted", () -> s.request().get(api + "/live").then().extract().jsonPath(),
                    j -> j.getBoolean("members.find { it.channel == '" + channel + "' }.muted"));

            // the page's htmx unmute answers with the members part
            s.htmx().formParam("channel", channel).post("/rooms/" + id + "/members/unmute").then().statusCode(200)
                    .body(containsString("data-channel"));
            await("the member unmuted", () -> s.request().get(api + "/live").then().extract().jsonPath(),
                    j -> !j.getBoolean("members.find { it.channel == '" + channel + "' }.muted"));

            s.request().post(api + "/lock").then().statusCode(204);
            s.request().get(api + "/live").then().body("locked", equalTo(true));
            s.request().get("/rooms/" + id).then().statusCode(200).body(containsString("The room is locked"));
            // a viewer sees the members but no commands
            String viewerPage = WebSession.as(Role.VIEWER).request().get("/rooms/" + id).then().statusCode(200).extract().asString();
            assertThat(viewerPage).contains("data-channel=").doesNotContain("members/kick").doesNotContain("/lock\"");
            s.request().post(api + "/unlock").then().statusCode(204);
            s.request().get(api + "/live").then().body("locked", equalTo(false));

            s.request().contentType(ContentType.JSON).body(Map.of("channel", channel)).post(api + "/members/kick").then()
                    .statusCode(204);
            await("the kicked member gone", () -> s.request().get(api + "/live").then().extract().jsonPath(),
                    j -> j.getList("members.findAll { it.channel == '" + channel + "' }").isEmpty());

            // Asterisk's refusal reaches the page's flash area as a 502
            s.request().contentType(ContentType.JSON).body(Map.of("channel", "Local/nobody@phones-0000;1"))
                    .post(api + "/members/mute").then().statusCode(org.hamcrest.Matchers.oneOf(404, 502, 400));
            s.request().post(api + "/end").then().statusCode(204);
            await("the room ended", () -> s.request().get(api + "/live").then().extract().jsonPath(), j -> !j.getBoolean("active"));
        }
    }

    @Test
    void aQueuedRetryCanBeCancelledFromThePage() throws Exception {
        WebSession s = WebSession.as(Role.OPERATOR);
        int id = s.request().contentType(ContentType.JSON).body(Map.of("number", "6302", "name", "Cancel room"))
                .post("/api/rooms").then().statusCode(201).extract().path("id");
        String html = s.htmx().formParam("numbers", "8302").formParam("role", "PARTICIPANT").post("/rooms/" + id + "/invitations")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("8302").contains("queued");
        // busy: the retry waits in QUEUED for its delay, long enough to cancel it without a race
        JsonPath attempts = await("a queued retry", () -> s.request().get("/api/rooms/" + id + "/attempts").then().extract()
                .jsonPath(), j -> j.getList("$").size() == 2 && "QUEUED".equals(j.getString("[0].state")));
        assertThat(attempts.getBoolean("[0].cancellable")).isTrue();
        assertThat(attempts.getBoolean("[1].cancellable")).isFalse();
        String attempt = attempts.getString("[0].id");
        s.request().get("/rooms/" + id).then().body(containsString("/attempts/" + attempt + "/cancel"));
        s.htmx().post("/rooms/" + id + "/attempts/" + attempt + "/cancel").then().statusCode(200)
                .body(containsString("FAILED")).body(containsString("cancelled"));
        s.request().get("/api/rooms/" + id + "/attempts").then().body("[0].failureReason", equalTo("CANCELLED"));
    }

    private static String stateOf(JsonPath j, String number) {
        return j.getString("find { it.number == '" + number + "' }.state");
    }

    private static JsonPath await(String what, java.util.function.Supplier<JsonPath> read, Predicate<JsonPath> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + last.prettify());
            }
            Thread.sleep(100);
            last = read.get();
        }
        return last;
    }

    /** @return the session cookie of a fresh operator login, for a client outside RestAssured */
    static String sessionCookie() {
        WebSession.as(Role.OPERATOR); // makes sure the user exists
        String cookie = given().redirects().follow(false).formParam("j_username", "test-operator")
                .formParam("j_password", WebSession.PASSWORD).post("/j_security_check").then().statusCode(302).extract()
                .cookie("confroom-session");
        assertThat(cookie).isNotBlank();
        return "confroom-session=" + cookie;
    }

    /** Reads a Server-Sent Events stream on a thread of its own; events are taken by name with a deadline. */
    static final class SseReader implements AutoCloseable {
        record Event(String name, String data) {
        }

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        private SseReader(Stream<String> lines) {
            this.lines = lines;
            Thread t = new Thread(this::read, "sse-reader");
            t.setDaemon(true);
            t.start();
        }

        static SseReader open(URI uri, String cookie) throws Exception {
            HttpResponse<Stream<String>> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Cookie", cookie)
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(r.statusCode()).isEqualTo(200);
            return new SseReader(r.body());
        }

        private void read() {
            String[] name = { null };
            StringBuilder data = new StringBuilder();
            try {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (name[0] != null || data.length() > 0) {
                            events.add(new Event(name[0], data.toString()));
                        }
                        name[0] = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).startsWith(" ") ? line.substring(6)
                                : line.substring(5));
                    }
                });
            } catch (RuntimeException e) {
                // closed
            }
        }

        /** @return the data of the next event with this name whose data matches, within the timeout */
        String next(String eventName, Predicate<String> matching, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new AssertionError("no '" + eventName + "' event matching within " + timeout);
                }
                if (eventName.equals(e.name()) && matching.test(e.data())) {
                    return e.data();
                }
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }

}
