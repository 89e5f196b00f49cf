package org.confroom.ami.sim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.action.ConfbridgeList;
import org.confroom.ami.action.Originate;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.TcpAmiClient;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.ConfbridgeJoinEvent;
import org.confroom.ami.event.OriginateResponseEvent;
import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deterministic clock mode: the recorded delays pass only when the test moves virtual time. */
class ManualClockTest {
    private AmiSimulator sim;
    private TcpAmiClient client;
    private final List<AmiEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = AmiSimulator.start(SimConfig.builder().port(0).manualClock(true).build());
        client = new TcpAmiClient(AmiClientConfig.builder("127.0.0.1", sim.port()).credentials("admin", "admin-secret")
                .eventMask("call").reconnect(false).keepaliveInterval(Duration.ZERO).name("manual-clock").build());
        client.addListener(events::add);
        client.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void ringingEndsOnlyWhenVirtualTimePassesTheOriginateTimeout() throws Exception {
        CompletableFuture<OriginateResponseEvent> outcome = client.originate(Originate.builder("Local/9001@phones")
                .dialplan("confbridge-quiet", "780", 1).timeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(30));
        Thread.sleep(300);
        sim.controls().advance(Duration.ofMillis(4900));
        Thread.sleep(300);
        assertThat(outcome).isNotDone();
        sim.controls().advance(Duration.ofMillis(200));
        // well before the 5 s would pass in real time: only the virtual clock can have ended the ringing
        OriginateResponseEvent r = outcome.get(1, TimeUnit.SECONDS);
        assertThat(r.reason()).isEqualTo(OriginateResponseEvent.REASON_NO_ANSWER);
    }

    @Test
    void firstMemberIsListedButJoinsOnlyAfterItsPromptInVirtualTime() throws Exception {
        OriginateResponseEvent r = client.originate(Originate.builder("Local/1001@phones")
                .dialplan("confbridge", "781", 1).build(), Duration.ofSeconds(30)).get(10, TimeUnit.SECONDS);
        assertThat(r.isSuccess()).isTrue();
        assertThat(client.send(new ConfbridgeList("781")).get(5, TimeUnit.SECONDS).items()).hasSize(1);
        Thread.sleep(300);
        assertThat(events).noneMatch(e -> e instanceof ConfbridgeJoinEvent);

        sim.controls().advance(Duration.ofMillis(3200)); // conf-onlyperson, 3.16 s in transcript 22
        // within 1 s real time, far below the prompt's 3.16 s: only the virtual clock can have let it join
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (events.stream().noneMatch(e -> e instanceof ConfbridgeJoinEvent) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(events).anyMatch(e -> e instanceof ConfbridgeJoinEvent j && j.conference().equals("781"));
    }

    @Test
    void advanceIsRefusedInRealTimeMode() {
        try (AmiSimulator realTime = AmiSimulator.start(SimConfig.builder().port(0).build())) {
            assertThatThrownBy(() -> realTime.controls().advance(Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("manualClock(true)");
        }
    }
}
