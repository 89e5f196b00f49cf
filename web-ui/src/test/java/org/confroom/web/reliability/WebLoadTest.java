package org.confroom.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.confroom.conference.live.SimPbx;
import org.confroom.conference.testsupport.AmiSimTestResource;
import org.confroom.web.security.Role;
import org.confroom.web.testsupport.HarnessReport;
import org.confroom.web.testsupport.SseReader;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A big live room under web load, on loopback: the room page's round trip with M members (target p99 under
 * 20 ms), and C event streams on the room receiving every mute/unmute (target: each within 200 ms of the
 * command, none missed). Members are called into the room on the simulator directly (quiet profile).
 *
 * <p>CI: 30 members, 2 clients x 100 page requests, 20 streams x 4 changes; bounds are sanity only (5 s,
 * no missed update). Harness ({@code benchmarks/web-harness load}): {@code -Dharness.load.members=200},
 * {@code .clients}, {@code .requests}, {@code .streams=100}, {@code .changes}.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class WebLoadTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URI base;

    @Test
    void aBigRoomPageAndManyStreamsOnOneRoom() throws Exception {
        Assumptions.assumeTrue(AmiSimTestResource.simulator() != null, "calls members in on the simulator");
        int members = HarnessReport.size("harness.load.members", 30);
        int clients = HarnessReport.size("harness.load.clients", 2);
        int requests = HarnessReport.size("harness.load.requests", 100);
        int streams = HarnessReport.size("harness.load.streams", 20);
        int changes = HarnessReport.size("harness.load.changes", 4);

        WebSession operator = WebSession.as(Role.OPERATOR);
        String number = "6601";
        int id = operator.request().contentType(ContentType.JSON).body(Map.of("number", number, "name", "Load room")).post("/api/rooms")
                .then().statusCode(201).extract().path("id");
        String api = "/api/rooms/" + id;
        String member;
        try (SimPbx pbx = SimPbx.connect()) {
            member = pbx.joinQuiet(number, "3000", "Load 0");
            for (int i = 1; i < members; i++) {
                pbx.joinQuiet(number, Integer.toString(3000 + i), "Load " + i);
            }
            SimPbx.await(members + " members live", () -> operator.request().get(api + "/live").jsonPath()
                    .getList("members.findAll { it.phase == 'JOINED' }").size() == members);
        }
        String cookie = SseReader.sessionCookie(Role.VIEWER);
        URI page = base.resolve("/rooms/" + id);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String html = http.send(get(page, cookie), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(html.split("<tr data-channel=", -1).length - 1).as("member rows on the page").isEqualTo(members);

        double[] pageMillis = pageRoundTrips(http, page, cookie, clients, requests);

        List<SseReader> readers = new ArrayList<>();
        double[] latencies;
        int missed = 0;
        try {
            for (int i = 0; i < streams; i++) {
                readers.add(SseReader.open(base.resolve("/events/rooms/" + id), cookie));
            }
            for (SseReader r : readers) {
                r.next("pbx", h -> true, WAIT); // subscribed
            }
            List<Double> all = new ArrayList<>();
            for (int c = 0; c < changes; c++) {
                boolean mute = c % 2 == 0;
                long sent = System.nanoTime();
                operator.request().contentType(ContentType.JSON).body(Map.of("channel", member))
                        .post(api + "/members/" + (mute ? "mute" : "unmute")).then().statusCode(204);
                for (SseReader r : readers) {
                    try {
                        // one member's mute goes out as that member's row alone
                        SseReader.Event e = r.nextEvent("member-" + org.confroom.web.rooms.LiveView.Member.key(member),
                                h -> h.contains("muted-flag") == mute, Duration.ofSeconds(5));
                        all.add((e.receivedNanos() - sent) / 1_000_000.0);
                    } catch (AssertionError notReceived) {
                        missed++;
                    }
                }
            }
            latencies = all.stream().mapToDouble(Double::doubleValue).toArray();
        } finally {
            readers.forEach(SseReader::close);
        }

        new HarnessReport("Web load: a room with " + members + " members", HarnessReport.fullRun() ? "benchmarks/web-harness load"
                : "./mvnw -B verify (WebLoadTest, CI sizes)")
                .line("| figure | measured | target |")
                .line("|---|---|---|")
                .line(String.format("| room page `GET /rooms/{id}`, %d members, %d clients x %d requests, round trip on loopback (server time + client) p50 / p99 / max | %s | p99 < 20 ms |",
                        members, clients, requests, HarnessReport.summary(pageMillis)))
                .line(String.format("| %d event streams on the room, %d mute/unmute changes: command sent to the member's changed row received, p50 / p99 / max | %s | every update within 200 ms |",
                        streams, changes, HarnessReport.summary(latencies)))
                .line(String.format("| updates missed (not received within 5 s) | %d of %d | 0 |", missed, streams * changes))
                .write("web-load.md");
        assertThat(missed).as("updates missed").isZero();
        assertThat(HarnessReport.percentile(pageMillis, 99)).as("page p99, sanity bound").isLessThan(5000);
        assertThat(HarnessReport.percentile(latencies, 100)).as("stream latency, sanity bound").isLessThan(5000);
    }

    /** @return round trips in ms of {@code requests} page loads per client after a warm-up, {@code clients} at once */
    private static double[] pageRoundTrips(HttpClient http, URI page, String cookie, int clients, int requests) throws Exception {
        for (int i = 0; i < Math.min(100, requests); i++) {
            http.send(get(page, cookie), HttpResponse.BodyHandlers.discarding());
        }
        double[] out = new double[clients * requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < requests; i++) {
                        long t = System.nanoTime();
                        HttpResponse<Void> r = http.send(get(page, cookie), HttpResponse.BodyHandlers.discarding());
                        double ms = (System.nanoTime() - t) / 1_000_000.0;
                        if (r.statusCode() != 200) {
                            throw new AssertionError("room page answered " + r.statusCode());
                        }
                        out[next.getAndIncrement()] = ms;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static HttpRequest get(URI uri, String cookie) {
        return HttpRequest.newBuilder(uri).header("Cookie", cookie).timeout(Duration.ofSeconds(30)).build();
    }
}
