package org.confroom.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.confroom.ami.sim.SimControls;
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
import io.restassured.path.json.JsonPath;

/**
 * The PBX goes away and comes back while a room page is open. Two ways: the connection is refused for a while
 * and the PBX keeps its calls ({@code refuseConnections}/{@code acceptConnections}: the live state must come
 * back with the same members), and a restart of Asterisk (transcript 27: every call is gone, so the room must
 * become empty). Either way the page's event stream shows the stale banner and then the live one without a
 * reload, and the time from the PBX accepting again to the live banner ("time to fresh") is measured; the
 * target is 5 s.
 *
 * <p>CI: 2 outages of 1 s and 2 restarts. Harness ({@code benchmarks/web-harness pbx-restart}):
 * {@code -Dharness.pbx.outages=N}, {@code -Dharness.pbx.outage-ms=MS}, {@code -Dharness.pbx.restarts=N}.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class PbxRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Sanity bound of CI; the target (5 s) is reported, not asserted, because the CI machine is shared. */
    private static final Duration SANE = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URI base;

    @Test
    void theLiveStateIsRebuiltAfterAnOutageAndARestart() throws Exception {
        Assumptions.assumeTrue(AmiSimTestResource.simulator() != null, "needs the simulator's fault controls");
        SimControls pbx = AmiSimTestResource.simulator().controls();
        int outages = HarnessReport.size("harness.pbx.outages", 2);
        int outageMillis = HarnessReport.size("harness.pbx.outage-ms", 1000);
        int restarts = HarnessReport.size("harness.pbx.restarts", 2);

        WebSession s = WebSession.as(Role.OPERATOR);
        int id = s.request().contentType(ContentType.JSON).body(Map.of("number", "6501", "name", "Restart room")).post("/api/rooms")
                .then().statusCode(201).extract().path("id");
        String api = "/api/rooms/" + id;
        invite(s, api, "2501, 2502");
        Set<String> members = awaitLive(s, api, m -> m.size() == 2, "two members");

        List<Double> outageFresh = new ArrayList<>();
        List<Double> restartFresh = new ArrayList<>();
        try (SseReader page = SseReader.open(base.resolve("/events/rooms/" + id), SseReader.sessionCookie(Role.VIEWER))) {
            page.next("pbx", live(), WAIT);
            for (int i = 0; i < outages; i++) {
                pbx.refuseConnections();
                try {
                    page.next("pbx", stale(), WAIT);
                    assertThat(s.request().get(api + "/live").jsonPath().getBoolean("stale")).isTrue();
                    Thread.sleep(outageMillis);
                } finally {
                    pbx.acceptConnections();
                }
                long back = System.nanoTime();
                SseReader.Event fresh = page.nextEvent("pbx", live(), WAIT);
                outageFresh.add(millis(fresh.receivedNanos() - back));
                // the PBX kept its calls: the same members, fresh
                assertThat(awaitLive(s, api, m -> !m.isEmpty(), "members after the outage")).isEqualTo(members);
            }
            for (int i = 0; i < restarts; i++) {
                if (i > 0) {
                    invite(s, api, "26" + String.format("%02d", i));
                    awaitLive(s, api, m -> m.size() == 1, "a member before restart " + i);
                }
                pbx.restart(); // returns when the fresh PBX listens
                long back = System.nanoTime();
                page.next("pbx", stale(), WAIT);
                SseReader.Event fresh = page.nextEvent("pbx", live(), WAIT);
                restartFresh.add(millis(fresh.receivedNanos() - back));
                // a restarted Asterisk has no calls: the room is empty, not the members of before
                JsonPath live = s.request().get(api + "/live").then().statusCode(200).extract().jsonPath();
                assertThat(live.getBoolean("stale")).isFalse();
                assertThat(live.getList("members")).as("members after a restart").isEmpty();
                assertThat(pbx.memberCount("6501")).isZero();
            }
        }
        // commands work again
        invite(s, api, "2599");
        awaitLive(s, api, m -> m.size() == 1, "a member invited after the restarts");

        double[] o = outageFresh.stream().mapToDouble(Double::doubleValue).toArray();
        double[] r = restartFresh.stream().mapToDouble(Double::doubleValue).toArray();
        new HarnessReport("PBX outage and restart: time to fresh", HarnessReport.fullRun() ? "benchmarks/web-harness pbx-restart"
                : "./mvnw -B verify (PbxRestartTest, CI sizes)")
                .line("Time from the PBX accepting connections again to the live PBX banner on an open room page's event stream "
                        + "(reconnect with backoff, login, resynchronisation, 100 ms coalescing). Target: 5 s.")
                .line("")
                .line("| case | runs | p50 / p99 / max |")
                .line("|---|---|---|")
                .line(String.format("| connection refused for %d ms, calls kept (same members back) | %d | %s |", outageMillis, o.length,
                        HarnessReport.summary(o)))
                .line(String.format("| Asterisk restart (transcript 27), calls gone (room empty) | %d | %s |", r.length, HarnessReport.summary(r)))
                .write("pbx-restart.md");
        for (double v : o) {
            assertThat(v).as("time to fresh after an outage, ms").isLessThan(SANE.toMillis());
        }
        for (double v : r) {
            assertThat(v).as("time to fresh after a restart, ms").isLessThan(SANE.toMillis());
        }
    }

    private static java.util.function.Predicate<String> live() {
        return html -> html.contains("data-state=\"live\"");
    }

    private static java.util.function.Predicate<String> stale() {
        return html -> html.contains("data-state=\"stale\"");
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void invite(WebSession s, String api, String numbers) {
        s.request().contentType(ContentType.JSON).body(Map.of("numbers", List.of(numbers), "role", "PARTICIPANT"))
                .post(api + "/invitations").then().statusCode(200);
    }

    /** @return the channels of the joined members once the live state is fresh and {@code done} holds */
    private static Set<String> awaitLive(WebSession s, String api, java.util.function.Predicate<Set<String>> done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonPath live = s.request().get(api + "/live").then().statusCode(200).extract().jsonPath();
            Set<String> joined = new HashSet<>(live.getList("members.findAll { it.phase == 'JOINED' }.channel"));
            if (!live.getBoolean("stale") && done.test(joined)) {
                return joined;
            }
            assertThat(System.nanoTime()).as("waiting for " + what + ": " + live.prettify()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
