package org.confroom.ami.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.confroom.ami.AmiAuthenticationException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.action.ConfbridgeList;
import org.confroom.ami.action.Originate;
import org.confroom.ami.action.Ping;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.client.ConnectionEvent;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.client.TcpAmiClient;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.ConfbridgeJoinEvent;
import org.confroom.ami.event.ShutdownEvent;
import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.confroom.ami.sim.SimTiming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ami-core's connection behaviour against the simulator over real sockets: what the scripted peer of
 * ami-core's own tests showed, now with an Asterisk-like server (login close, restart, stalls, drops).
 */
class TcpClientAgainstSimTest {
    private AmiSimulator sim;
    private final List<TcpAmiClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = AmiSimulator.start(SimConfig.builder().port(0)
                .timing(SimTiming.recorded().withScale(0.1).withAuthFailureDelay(Duration.ofMillis(200))).build());
    }

    @AfterEach
    void stop() {
        clients.forEach(TcpAmiClient::close);
        sim.close();
    }

    private AmiClientConfig.Builder config(String user, String secret) {
        return AmiClientConfig.builder("127.0.0.1", sim.port()).credentials(user, secret)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).name("sim-" + user);
    }

    private TcpAmiClient connected(AmiClientConfig config) throws Exception {
        TcpAmiClient c = new TcpAmiClient(config);
        clients.add(c);
        c.connect().get(10, TimeUnit.SECONDS);
        return c;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void refusedLoginIsClosedByTheServerAndNotRetried() throws Exception {
        TcpAmiClient c = new TcpAmiClient(config("confmgr", "wrong").build());
        clients.add(c);
        try {
            c.connect().get(10, TimeUnit.SECONDS);
            throw new AssertionError("login should be refused");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AmiAuthenticationException.class)
                    .hasMessage("AMI login refused for user confmgr: Authentication failed");
        }
        await("server closed it", () -> sim.controls().connectionCount() == 0);
        Thread.sleep(300);
        assertThat(sim.controls().connectionCount()).isZero();
        assertThat(c.state()).isEqualTo(ConnectionState.AUTHENTICATION_REFUSED);
    }

    @Test
    void restartIsSurvivedWithMaskAndFilterSentAgain() throws Exception {
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        List<ConnectionEvent> states = new CopyOnWriteArrayList<>();
        TcpAmiClient c = connected(config("confmgr", "confmgr-secret").eventMask("call,system")
                .filter("Event: Confbridge*").filter("Event: Shutdown").build());
        c.addListener(events::add);
        c.addConnectionListener(states::add);

        sim.controls().restart();
        await("reconnected after restart", () -> c.stats().connects() == 2 && c.state() == ConnectionState.READY);
        assertThat(events).anyMatch(e -> e instanceof ShutdownEvent);
        assertThat(states).anyMatch(e -> e.state() == ConnectionState.RECONNECTING);

        // the new server knows nothing of the old session: only the re-sent filter keeps this to Confbridge events
        events.clear();
        String id = UUID.randomUUID().toString();
        c.originate(Originate.builder("Local/1001@phones").dialplan("confbridge-quiet", "790", 1).channelId(id).build(),
                Duration.ofSeconds(5)).exceptionally(t -> null);
        await("join after restart", () -> events.stream().anyMatch(e -> e instanceof ConfbridgeJoinEvent));
        assertThat(events).allMatch(e -> e.name().startsWith("Confbridge"));
    }

    @Test
    void stalledServerIsDeclaredDeadByKeepaliveAndReconnected() throws Exception {
        List<ConnectionEvent> states = new CopyOnWriteArrayList<>();
        TcpAmiClient c = connected(config("admin", "admin-secret").eventMask("off")
                .keepaliveInterval(Duration.ofMillis(100)).pongTimeout(Duration.ofMillis(150)).build());
        c.addConnectionListener(states::add);
        sim.controls().stallReading(true);
        await("declared dead", () -> states.stream().anyMatch(e -> e.state() == ConnectionState.RECONNECTING
                && e.cause().getMessage().contains("keepalive")));
        sim.controls().stallReading(false);
        await("back", () -> c.state() == ConnectionState.READY && c.stats().connects() >= 2);
        assertThat(c.send(new Ping()).get(5, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    @Test
    void originateCutOffByADroppedConnectionIsOutcomeUnknownAndNotSentAgain() throws Exception {
        TcpAmiClient c = connected(config("admin", "admin-secret").eventMask("call").keepaliveInterval(Duration.ZERO).build());
        sim.controls().stallReading(true);
        CompletableFuture<AmiResponse> sent = c.send(Originate.builder("Local/1001@phones")
                .dialplan("confbridge-quiet", "791", 1).async(true).channelId("attempt-791").build());
        Thread.sleep(200);
        sim.controls().dropAllConnections();
        sim.controls().stallReading(false);
        try {
            sent.get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected outcome unknown");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AmiOutcomeUnknownException.class);
        }
        await("reconnected", () -> c.state() == ConnectionState.READY && c.stats().connects() == 2);
        Thread.sleep(300);
        assertThat(sim.controls().memberCount("791")).isZero();
        assertThat(sim.controls().channelCount()).isZero();
    }

    @Test
    void eventListOfLiveMembersMatchesTheirJoins() throws Exception {
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        TcpAmiClient c = connected(config("confmgr", "confmgr-secret").eventMask("call").build());
        c.addListener(events::add);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(c.originate(Originate.builder("Local/" + (1100 + i) + "@phones")
                    .dialplan("confbridge-quiet", "792", 1).build(), Duration.ofSeconds(5)));
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
        await("20 joins", () -> events.stream().filter(e -> e instanceof ConfbridgeJoinEvent).count() == 20);
        AmiResponse list = c.send(new ConfbridgeList("792")).get(5, TimeUnit.SECONDS);
        assertThat(list.items()).hasSize(20);
        assertThat(list.items()).extracting(e -> e.text("Channel")).containsExactlyInAnyOrderElementsOf(
                events.stream().filter(e -> e instanceof ConfbridgeJoinEvent).map(e -> e.text("Channel")).toList());
    }
}
