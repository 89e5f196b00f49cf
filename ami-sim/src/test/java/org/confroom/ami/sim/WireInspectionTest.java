package org.confroom.ami.sim;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The wire counts tell clean CRLF framing apart from the injected line ends of transcripts 17 and 18. */
class WireInspectionTest {
    @Test
    void wellEncodedActionsLeaveTheWireClean() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build()); SimClient c = new SimClient(sim.port())) {
            c.login("admin", "admin-secret", "off");
            c.action("Action", "Ping", "ActionID", "p1");

            WireStats w = sim.controls().wire();
            assertThat(w.clean()).as(w.toString()).isTrue();
            assertThat(w.actions()).isEqualTo(2);
            assertThat(w.bytes()).isPositive();
            assertThat(w.firstAnomaly()).isEmpty();
        }
    }

    @Test
    void aBareLineEndANulOrAMalformedBlockIsCountedWithItsPlace() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build()); SimClient c = new SimClient(sim.port())) {
            c.login("admin", "admin-secret", "off");
            sim.controls().resetWire();
            // the CRLF of "Ping\r" and "\n" arrive in two reads: still one CRLF, not a bare CR
            c.write("Action: Ping\r".getBytes(US_ASCII));
            Thread.sleep(20);
            c.write("\nActionID: split\r\n\r\n".getBytes(US_ASCII));
            c.write("Action: Ping\r\nActionID: x\nAction: Hangup\r\nVal: a\rb\0c\r\nno colon here\r\n\r\n".getBytes(US_ASCII));
            c.action("Action", "Ping", "ActionID", "after");

            WireStats w = sim.controls().wire();
            assertThat(w.bareLf()).isEqualTo(1);
            assertThat(w.bareCr()).isEqualTo(1);
            assertThat(w.nulBytes()).isEqualTo(1);
            assertThat(w.malformed()).isEqualTo(1);
            assertThat(w.clean()).isFalse();
            assertThat(w.firstAnomaly()).contains("ActionID: x\\n");
            assertThat(c.await(m -> "split".equals(m.actionId().orElse("")), Duration.ofSeconds(5)).name()).isEqualTo("Success");
        }
    }
}
