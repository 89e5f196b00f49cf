package org.confroom.ami.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.confroom.ami.codec.AmiMessage;
import org.junit.jupiter.api.Test;

/** Transcript 27 (restart while connected) and the scale target: 1,000 rooms, 10,000 channels. */
class RestartAndScaleTest {
    @Test
    void t27restartSendsShutdownClosesRefusesThenBootsFresh() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build())) {
            Transcript t = Transcript.load("27-");
            SimClient before = new SimClient(sim.port());
            before.login("confmgr", "confmgr-secret", "on");
            sim.controls().restart();
            AmiMessage shutdown = before.await(m -> m.isEvent("Shutdown"), Duration.ofSeconds(5));
            assertThat(before.awaitClose(Duration.ofSeconds(5))).isTrue();
            AmiMessage recorded = t.server.stream().filter(m -> m.isEvent("Shutdown")).findFirst().orElseThrow();
            assertThat(shutdown).isEqualTo(recorded);
            try (SimClient after = new SimClient(sim.port())) {
                after.login("confmgr", "confmgr-secret", "on");
                AmiMessage booted = after.await(m -> m.isEvent("FullyBooted"), Duration.ofSeconds(5));
                AmiMessage recordedBoot = t.server.stream().filter(m -> m.isEvent("FullyBooted"))
                        .reduce((a, b) -> b).orElseThrow();
                assertThat(booted).isEqualTo(recordedBoot);
                assertThat(after.action("Action", "CoreStatus", "ActionID", "cs").text("CoreCurrentCalls")).isEqualTo("0");
            }
        }
    }

    @Test
    void refuseConnectionsDropsAndRefusesUntilAcceptedAgain() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build())) {
            SimClient before = new SimClient(sim.port());
            before.login("confmgr", "confmgr-secret", "off");
            sim.controls().refuseConnections();
            assertThat(before.awaitClose(Duration.ofSeconds(5))).isTrue();
            boolean refused;
            try (SimClient c = new SimClient(sim.port())) {
                refused = c.awaitClose(Duration.ofSeconds(2)) && c.banner() == null;
            } catch (ConnectException e) {
                refused = true;
            }
            assertThat(refused).isTrue();
            sim.controls().acceptConnections();
            try (SimClient c = new SimClient(sim.port())) {
                c.login("confmgr", "confmgr-secret", "off");
            }
        }
    }

    @Test
    void restartRefusesConnectionsWhileDown() throws Exception {
        SimTiming slowRestart = SimTiming.recorded().withScale(0.5);
        try (AmiSimulator sim = AmiSimulator.start(SimConfig.builder().port(0).timing(slowRestart).build())) {
            Thread restart = new Thread(() -> {
                try {
                    sim.controls().restart();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            restart.start();
            Thread.sleep(200);
            boolean refused = false;
            try (SimClient c = new SimClient(sim.port())) {
                refused = c.awaitClose(Duration.ofSeconds(2)) && c.banner() == null;
            } catch (ConnectException e) {
                refused = true;
            }
            assertThat(refused).isTrue();
            restart.join();
            try (SimClient c = new SimClient(sim.port())) {
                c.login("admin", "admin-secret", "off");
            }
        }
    }

    @Test
    void thousandRoomsTenThousandChannels() throws IOException, InterruptedException {
        SimTiming zero = SimTiming.recorded().withScale(0);
        try (AmiSimulator sim = AmiSimulator.start(SimConfig.builder().port(0).timing(zero).build());
                SimClient c = new SimClient(sim.port())) {
            c.login("admin", "admin-secret", "off");
            long start = System.nanoTime();
            StringBuilder batch = new StringBuilder();
            for (int room = 0; room < 1000; room++) {
                for (int m = 0; m < 5; m++) {
                    batch.append("Action: Originate\r\nActionID: o").append(room).append('-').append(m)
                            .append("\r\nChannel: Local/").append(10000 + room * 5 + m)
                            .append("@phones\r\nContext: confbridge-quiet\r\nExten: ").append(7000 + room)
                            .append("\r\nPriority: 1\r\nAsync: true\r\n\r\n");
                }
            }
            c.write(batch.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            c.awaitResponses(5001, Duration.ofSeconds(60));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sim.controls().channelCount() < 10_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(sim.controls().channelCount()).isEqualTo(10_000);
            assertThat(sim.controls().conferenceCount()).isEqualTo(1000);
            assertThat(sim.controls().memberCount("7999")).isEqualTo(5);
            List<AmiMessage> errors = c.messages().stream().filter(m -> m.name().equals("Error")).toList();
            assertThat(errors).isEmpty();
            System.out.printf("1000 rooms, 10000 channels in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
