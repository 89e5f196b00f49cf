package org.confroom.ami.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.AmiAuthenticationException;
import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.action.ConfbridgeList;
import org.confroom.ami.action.Originate;
import org.confroom.ami.action.Ping;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.ConfbridgeJoinEvent;
import org.confroom.ami.event.OriginateResponseEvent;
import org.confroom.ami.http.HttpAmiClient;
import org.confroom.ami.http.HttpAmiClientConfig;
import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.confroom.ami.sim.SimTiming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ami-core's HTTP transport against the simulator's {@code /rawman} (transcripts 14 and 28). */
class HttpClientAgainstSimTest {
    private AmiSimulator sim;
    private HttpAmiClient client;

    @BeforeEach
    void start() {
        sim = AmiSimulator.start(SimConfig.builder().port(0).httpPort(0)
                .timing(SimTiming.recorded().withScale(0.1).withAuthFailureDelay(Duration.ofMillis(100))).build());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        sim.close();
    }

    private HttpAmiClient client(String user, String secret) {
        URI uri = URI.create("http://127.0.0.1:" + sim.httpPort() + "/rawman");
        client = new HttpAmiClient(HttpAmiClientConfig.of(uri, HttpAmiClientConfig.clientConfig(uri)
                .credentials(user, secret).reconnect(false).name("http-" + user).build())
                .withWaitEventTimeout(Duration.ofSeconds(1)));
        return client;
    }

    @Test
    void loginPingOriginateEventsAndList() throws Exception {
        HttpAmiClient c = client("admin", "admin-secret");
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        c.addListener(events::add);
        c.connect().get(10, TimeUnit.SECONDS);
        assertThat(c.send(new Ping()).get(5, TimeUnit.SECONDS).message().text("Ping")).isEqualTo("Pong");

        String id = UUID.randomUUID().toString();
        OriginateResponseEvent r = c.originate(Originate.builder("Local/1005@phones").dialplan("confbridge-quiet", "703", 1)
                .callerId("Erin <1005>").channelId(id).build(), Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
        assertThat(r.isSuccess()).isTrue();
        assertThat(r.uniqueid()).isEqualTo(id);

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.stream().noneMatch(e -> e instanceof ConfbridgeJoinEvent j && j.uniqueid().equals(id))) {
            assertThat(System.nanoTime()).as("ConfbridgeJoin through waitevent").isLessThan(end);
            Thread.sleep(20);
        }
        AmiResponse list = c.send(new ConfbridgeList("703")).get(5, TimeUnit.SECONDS);
        assertThat(list.items()).extracting(e -> e.text("Uniqueid")).containsExactly(id);
    }

    @Test
    void wrongSecretIsRefused() {
        HttpAmiClient c = client("admin", "nope");
        try {
            c.connect().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected refusal");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AmiAuthenticationException.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void errorResponseOverHttp() throws Exception {
        HttpAmiClient c = client("admin", "admin-secret");
        c.connect().get(10, TimeUnit.SECONDS);
        try {
            c.send(new ConfbridgeList("999")).get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected an error");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AmiErrorResponseException.class);
            assertThat(((AmiErrorResponseException) e.getCause()).asteriskMessage()).isEqualTo("No active conferences.");
        }
    }
}
