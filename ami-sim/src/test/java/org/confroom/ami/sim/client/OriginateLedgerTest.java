package org.confroom.ami.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.action.Originate;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.TcpAmiClient;
import org.confroom.ami.event.OriginateResponseEvent;
import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.confroom.ami.sim.SimControls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PBX-side inspection of Originates: count per ChannelId (duplicates) and originated calls ringing at
 * once per conference, in the manual clock mode so that nothing rings out or answers behind the test's back.
 */
class OriginateLedgerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private AmiSimulator sim;
    private SimControls controls;
    private TcpAmiClient client;

    @BeforeEach
    void start() throws Exception {
        sim = AmiSimulator.start(SimConfig.builder().port(0).manualClock(true).build());
        controls = sim.controls();
        client = new TcpAmiClient(AmiClientConfig.builder("127.0.0.1", sim.port()).credentials("admin", "admin-secret")
                .eventMask("call").reconnect(false).keepaliveInterval(Duration.ZERO).name("ledger").build());
        client.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void countsEveryOriginatePerChannelIdIncludingRepeatsAndFailures() throws Exception {
        originate("1001", "700", "id-a").get(10, TimeUnit.SECONDS);
        originate("8001", "700", "id-b").get(10, TimeUnit.SECONDS); // busy: still received once
        originate("1002", "700", "id-a").get(10, TimeUnit.SECONDS); // the same ChannelId again: a duplicate
        client.originate(Originate.builder("Local/1003@phones").dialplan("confbridge-quiet", "700", 1).build(), WAIT)
                .get(10, TimeUnit.SECONDS); // no ChannelId: not counted

        assertThat(controls.originateCount("id-a")).isEqualTo(2);
        assertThat(controls.originateCount("id-b")).isEqualTo(1);
        assertThat(controls.originateCount("id-unknown")).isZero();
        assertThat(controls.originateCounts()).isEqualTo(Map.of("id-a", 2, "id-b", 1));
    }

    @Test
    void peaksCountCallsRingingAtOncePerConferenceUntilTheyJoinOrHangUp() throws Exception {
        List<CompletableFuture<OriginateResponseEvent>> ringing = List.of(originate("9001", "710", "r1"),
                originate("9002", "710", "r2"), originate("9003", "710", "r3"), originate("9004", "711", "r4"));
        awaitRinging(4);
        SimControls.OriginatePeaks p = controls.originatePeaks();
        assertThat(p.peakTotal()).isEqualTo(4);
        assertThat(p.peakByExten()).isEqualTo(Map.of("710", 3, "711", 1));
        assertThat(p.peakPerExten()).isEqualTo(3);

        controls.advance(Duration.ofSeconds(6)); // past the 5 s Timeout: all four ring out (Reason 3)
        for (CompletableFuture<OriginateResponseEvent> f : ringing) {
            assertThat(f.get(10, TimeUnit.SECONDS).reason()).isEqualTo(OriginateResponseEvent.REASON_NO_ANSWER);
        }
        assertThat(controls.originatePeaks().ringingNow()).isZero();
        assertThat(controls.originatePeaks().peakTotal()).as("a peak stays until reset").isEqualTo(4);

        controls.resetOriginatePeaks();
        assertThat(controls.originatePeaks().peakTotal()).isZero();
        // default_user: the first member is in the conference's list during its 3.16 s prompt, joins after it
        OriginateResponseEvent answered = client.originate(Originate.builder("Local/1001@phones")
                .dialplan("confbridge", "712", 1).channelId("j1").build(), WAIT).get(10, TimeUnit.SECONDS);
        assertThat(answered.isSuccess()).isTrue();
        assertThat(controls.memberCount("712")).isEqualTo(1);
        assertThat(controls.originatePeaks().ringingNow()).as("answered, hearing the prompt: not joined yet").isEqualTo(1);
        controls.advance(Duration.ofMillis(3200));
        assertThat(controls.originatePeaks().ringingNow()).as("joined: no longer ringing").isZero();
        assertThat(controls.originatePeaks().peakByExten()).isEqualTo(Map.of("712", 1));
    }

    private CompletableFuture<OriginateResponseEvent> originate(String number, String room, String channelId) {
        return client.originate(Originate.builder("Local/" + number + "@phones").dialplan("confbridge-quiet", room, 1)
                .channelId(channelId).timeout(Duration.ofSeconds(5)).build(), WAIT);
    }

    private void awaitRinging(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (controls.originatePeaks().ringingNow() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(controls.originatePeaks().ringingNow()).isEqualTo(n);
    }
}
