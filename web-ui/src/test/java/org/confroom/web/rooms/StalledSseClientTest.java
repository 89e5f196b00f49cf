package org.confroom.web.rooms;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.confroom.conference.live.SimPbx.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confroom.ami.action.ConfbridgeMute;
import org.confroom.ami.action.ConfbridgeUnmute;
import org.confroom.ami.action.Originate;
import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.live.SimPbx;
import org.confroom.web.security.Role;
import org.confroom.web.live.LiveStreams;
import org.confroom.web.testsupport.SseReader;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;

/**
 * Slow consumers of the live pages: an SSE client that stops reading (TCP backpressure) while its room
 * changes all the time holds up no other request or stream, and a stream without demand keeps no backlog
 * and resumes from the current state.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class StalledSseClientTest {
    private static final int MEMBERS = 40;
    private static final Pattern MUTED = Pattern.compile("muted-flag");

    @TestHTTPResource("/")
    URI base;

    @Inject
    LiveStreams streams;

    @Inject
    LiveRooms live;

    @Test
    void aClientThatStopsReadingHoldsUpNoOtherRequestOrStream() throws Exception {
        WebSession s = WebSession.as(Role.OPERATOR);
        String number = "6391";
        long id = room(s, number);
        try (SimPbx pbx = SimPbx.connect()) {
            fill(pbx, number);
            String cookie = SseReader.sessionCookie(Role.OPERATOR);
            try (Socket stalled = openAndStopReading("/events/rooms/" + id, cookie);
                    SseReader reader = SseReader.open(base.resolve("/events/rooms/" + id), cookie)) {
                long floodEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                long slowest = 0;
                int toggles = 0;
                while (System.nanoTime() < floodEnd || toggles % 2 == 0) {
                    pbx.send(toggles % 2 == 0 ? new ConfbridgeMute(number, "participants") : new ConfbridgeUnmute(number, "participants"));
                    toggles++;
                    if (toggles % 10 == 0) {
                        slowest = Math.max(slowest, timed(() -> given().get("/q/health").then().statusCode(200)));
                        slowest = Math.max(slowest, timed(() -> s.request().get("/rooms/" + id).then().statusCode(200)));
                        slowest = Math.max(slowest, timed(() -> s.request().get("/api/rooms/" + id).then().statusCode(200)));
                    }
                }
                // the flood ends muted: the reading client sees the final state although the other one stalls. The
                // last mute-all may reach the page partly as single rows; one more member joining makes the
                // whole members part go out, muted ones included (the newcomer is not muted)
                pbx.send(Originate.builder("Local/" + number + "99@phones").dialplan("confbridge-quiet", number, 1)
                        .callerId("\"Late\" <" + number + "99>").async(true).build());
                String members = reader.next("members", html -> count(MUTED, html) == MEMBERS && html.contains(number + "99"),
                        Duration.ofSeconds(15));
                assertThat(members).contains("data-channel=");
                assertThat(slowest).as("slowest page, health or API answer during the flood, ms").isLessThan(3_000);
                assertThat(toggles).isGreaterThan(10);
                // the stalled client really pushed back: its socket holds what TCP buffered, not the whole flood
                assertThat(stalled.getInputStream().available()).isLessThan(4 << 20);
                System.out.printf("stalled-SSE flood: %d toggles of %d members, slowest other answer %d ms%n", toggles, MEMBERS, slowest);
            }
            hangUpAll(pbx, number);
        }
    }

    @Test
    void aStreamWithoutDemandKeepsNoBacklogAndResumesFromTheCurrentState() throws Exception {
        WebSession s = WebSession.as(Role.OPERATOR);
        String number = "6392";
        room(s, number);
        try (SimPbx pbx = SimPbx.connect()) {
            fill(pbx, number);
            AtomicInteger renders = new AtomicInteger();
            LiveStreams.Part members = LiveStreams.Part.onChange("members", c -> RoomEvents.concerns(c, number), () -> {
                renders.incrementAndGet();
                return "muted=" + live.room(number).map(r -> r.members().stream().filter(m -> m.muted()).count()).orElse(-1L);
            });
            AssertSubscriber<OutboundSseEvent> client = streams.stream(SseImpl.INSTANCE, List.of(members))
                    .subscribe().withSubscriber(AssertSubscriber.create(1));
            await("the first event", () -> client.getItems().size() == 1);
            // the client takes nothing more while the room changes for 3 s
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            int toggles = 0;
            while (System.nanoTime() < end || toggles % 2 == 0) {
                pbx.send(toggles % 2 == 0 ? new ConfbridgeMute(number, "participants") : new ConfbridgeUnmute(number, "participants"));
                toggles++;
            }
            await("all muted", () -> live.room(number).map(r -> r.members().stream().allMatch(m -> m.muted())).orElse(false));
            Thread.sleep(3 * LiveStreams.COALESCE.toMillis());
            assertThat(client.getFailure()).as("a stalled stream pauses, it does not fail").isNull();
            assertThat(client.getItems()).hasSize(1);
            // about 30 coalescing windows had changes: without demand at most one render waits (per side)
            assertThat(renders.get()).isLessThanOrEqualTo(3);

            client.request(10);
            await("the current state after the stall", () -> client.getItems().stream()
                    .anyMatch(e -> ("muted=" + MEMBERS).equals(e.getData())));
            assertThat(client.getFailure()).isNull();
            client.cancel();
            hangUpAll(pbx, number);
        }
    }

    private static long room(WebSession s, String number) {
        return s.request().contentType(ContentType.JSON).body(Map.of("number", number, "name", "Stall " + number))
                .post("/api/rooms").then().statusCode(201).extract().<Integer> path("id");
    }

    /** {@value #MEMBERS} members join at once (pipelined Originates into confbridge-quiet). */
    private void fill(SimPbx pbx, String number) {
        for (int i = 0; i < MEMBERS; i++) {
            String phone = number + String.format("%02d", i);
            pbx.send(Originate.builder("Local/" + phone + "@phones").dialplan("confbridge-quiet", number, 1)
                    .callerId("\"Member " + i + "\" <" + phone + ">").async(true).build());
        }
        await(MEMBERS + " members live", () -> live.room(number).map(r -> r.memberCount() == MEMBERS).orElse(false));
    }

    private void hangUpAll(SimPbx pbx, String number) {
        live.room(number).ifPresent(r -> r.members().forEach(m -> pbx.hangup(m.channel())));
        await("room " + number + " ended", () -> live.room(number).isEmpty());
    }

    /** Opens the stream on a socket with a small receive buffer, reads the response head, then never reads again. */
    private Socket openAndStopReading(String path, String cookie) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nCookie: " + cookie
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("response head").isNotNegative();
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200");
        return socket;
    }

    private static long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

}
