package org.confroom.ami.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.confroom.ami.sim.OffRecordSetup.awaitMembers;
import static org.confroom.ami.sim.OffRecordSetup.member;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AMI over HTTP: {@code /rawman} (14, 28), {@code /mxml} and {@code /manager} (15), Digest on
 * {@code /arawman} and {@code /amxml} (16). The recorded requests are sent over a real socket, keep-alive as
 * recorded; each answer must have the recorded status line and headers ({@link Fidelity#compareHttpHeads}),
 * the connection must close where the recorded one did, XML and HTML bodies must have the recorded layout
 * ({@link HttpAnswer#skeleton}), and the bodies together must hold the recorded responses in order and the
 * recorded events per channel ({@link Fidelity#compare}). Which waitevent answer carries which event is not
 * compared (the simulator queues an originate's events in one step, Asterisk in bursts over 2 ms); the
 * waitevent rule is: an answer with events comes before the timeout, an idle one not before it, on the
 * recording as on the simulator.
 */
class HttpFidelityTest {
    @ParameterizedTest
    @ValueSource(strings = {"14-", "28-"})
    void rawman(String prefix) throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(HttpReplay.config().build())) {
            assertFaithful(HttpTranscript.load(prefix), sim);
        }
    }

    /** 15 and 16 were recorded after 14 with 703 (Erin), 700 and 701 (two members each) still up. */
    @ParameterizedTest
    @ValueSource(strings = {"15-", "16-"})
    void xmlHtmlAndDigest(String prefix) throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(HttpReplay.config().build())) {
            // in the order Asterisk's ConfbridgeListRooms happened to list them
            member(sim, 0x15, "1005", "Erin", "confbridge-quiet", "703");
            member(sim, 2, "1001", "Alice", "confbridge-quiet", "700");
            member(sim, 4, "1002", "Bob", "confbridge-quiet", "700");
            member(sim, 7, "1001", "Alice", "confbridge-quiet", "701");
            member(sim, 8, "2002", "Alice", "confbridge-quiet", "701");
            awaitMembers(sim, "701", 2);
            assertFaithful(HttpTranscript.load(prefix), sim);
        }
    }

    private static void assertFaithful(HttpTranscript t, AmiSimulator sim) throws Exception {
        String prefix = t.name.substring(0, 3);
        assertThat(t.clientBytes()).as("requests of the .txt = the .c2s.raw")
                .isEqualTo(HttpTranscript.recordedClientBytes(prefix));
        List<AmiMessage> recorded = HttpAnswer.messages(t.answers());
        List<Double> recordedSent = t.exchanges.stream().map(HttpTranscript.Exchange::seconds).toList();
        assertThat(waitEventViolations(t, t.answers(), recordedSent, 1.0)).as("recorded waitevents").isEmpty();
        Replay.alignChannelSequence(recorded, sim);
        HttpReplay.Result got = HttpReplay.run(t, sim.httpPort());

        assertThat(Fidelity.compareHttpHeads(t.answers(), got.answers())).as("HTTP heads of %s", t.name).isEmpty();
        assertThat(Fidelity.compare(recorded, HttpAnswer.messages(got.answers()))).as("bodies of %s", t.name).isEmpty();
        for (int i = 0; i < t.exchanges.size(); i++) {
            HttpAnswer answer = t.exchanges.get(i).answer();
            assertThat(got.closedAfter().get(i)).as("connection closed after answer #%d", i)
                    .isEqualTo(answer.header("Connection").equals("close"));
            if (!answer.header("Content-type").equals("text/plain")) {
                assertThat(got.answers().get(i).skeleton()).as("layout of answer #%d", i).isEqualTo(answer.skeleton());
            }
        }
        assertThat(waitEventViolations(t, got.answers(), got.sent(), HttpReplay.SCALE)).as("simulated waitevents")
                .isEmpty();
    }

    /** The error page of Asterisk's http.c, as the 401 of transcript 16 shows it. */
    @Test
    void errorPageAsRecorded() throws Exception {
        HttpAnswer unauthorized = HttpTranscript.load("16-").answers().get(0);
        assertThat(unauthorized.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
        HttpReply page = HttpReply.error(401, "Unauthorized", "");
        assertThat(new String(page.body(), StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(unauthorized.body(), StandardCharsets.ISO_8859_1));
        assertThat(page.headers()).singleElement().satisfies(h -> assertThat(h).containsExactly("Content-type",
                unauthorized.header("Content-type")));
    }

    /**
     * @param sent when each request was sent, in the answers' time base
     * @param scale the time scale of the waitevent timeouts
     * @return the waitevent answers that came too early (idle) or too late (with events)
     */
    private static List<String> waitEventViolations(HttpTranscript t, List<HttpAnswer> answers, List<Double> sent,
            double scale) {
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < t.exchanges.size(); i++) {
            AmiMessage action = t.exchanges.get(i).action();
            if (!action.text("Action").equalsIgnoreCase("waitevent")) {
                continue;
            }
            double timeout = Long.parseLong(action.text("Timeout")) * scale;
            double took = answers.get(i).seconds() - sent.get(i);
            boolean idle = answers.get(i).messages().stream()
                    .noneMatch(m -> m.type() == MessageType.EVENT && !m.isEvent("WaitEventComplete"));
            if (idle ? took < timeout * 0.95 : took >= timeout) {
                violations.add(String.format("waitevent #%d (%s) answered after %.3f s, timeout %.3f s", i,
                        idle ? "idle" : "with events", took, timeout));
            }
        }
        return violations;
    }
}
