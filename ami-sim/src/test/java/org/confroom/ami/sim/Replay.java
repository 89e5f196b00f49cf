package org.confroom.ami.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.confroom.ami.codec.AmiMessage;

/**
 * Replays the client side of a transcript against a simulator over a real socket: each recorded write is
 * sent at its recorded time (times the scale) and only after the responses recorded before it arrived.
 */
final class Replay {
    /** Time scale of fidelity runs: 3.2 s prompts take 320 ms. */
    static final double SCALE = 0.1;

    private Replay() {
    }

    static SimConfig.Builder config() {
        return SimConfig.builder().port(0).timing(SimTiming.recorded().withScale(SCALE));
    }

    /** Rewrites a recorded client write before it is sent, knowing what the simulator said so far. */
    @FunctionalInterface
    interface Rewriter {
        byte[] rewrite(byte[] recorded, List<AmiMessage> receivedSoFar);
    }

    /** Replays and returns every message the simulator sent (banner excluded). */
    static List<AmiMessage> run(Transcript t, AmiSimulator sim) throws IOException, InterruptedException {
        return run(t, sim, (b, got) -> b);
    }

    /**
     * Sets the simulator's next channel sequence number to the first one of the recording, so that channel
     * names (which the recorded client reuses in later actions) come out the same.
     */
    static void alignChannelSequence(Transcript t, AmiSimulator sim) {
        alignChannelSequence(t.server, sim);
    }

    /** Sets the simulator's next channel sequence number to the first one among these recorded messages. */
    static void alignChannelSequence(List<AmiMessage> recorded, AmiSimulator sim) {
        java.util.regex.Pattern seq = java.util.regex.Pattern.compile("^Local/[^;]*-([0-9a-f]{8});[12]$");
        for (AmiMessage m : recorded) {
            java.util.regex.Matcher mm = seq.matcher(m.text("Channel"));
            if (mm.matches()) {
                sim.controls().setNextChannelSequence(Integer.parseInt(mm.group(1), 16));
                return;
            }
        }
    }

    /** Replays, rewriting client writes (for example an MD5 key over a fresh challenge). */
    static List<AmiMessage> run(Transcript t, AmiSimulator sim, Rewriter rewriter)
            throws IOException, InterruptedException {
        try (SimClient client = new SimClient(sim.port())) {
            long start = System.nanoTime();
            for (Transcript.ClientWrite w : t.writes) {
                long due = start + (long) (w.seconds() * SCALE * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                client.awaitResponses(w.responsesBefore(), Duration.ofSeconds(20));
                awaitRecordedEvents(client, t.server.subList(0, Math.min(w.messagesBefore(), t.server.size())));
                if (client.closedByServer()) {
                    break;
                }
                client.write(rewriter.rewrite(w.bytes(), client.messages()));
            }
            if (!client.awaitClose(Duration.ofSeconds(20))) {
                client.awaitResponses(t.responses().size(), Duration.ofSeconds(20));
            }
            assertThat(client.banner()).isEqualTo(t.banner);
            return client.messages();
        }
    }

    /** Event names whose count depends on races inside Asterisk, not waited for. */
    private static final java.util.Set<String> UNCOUNTED = java.util.Set.of("DeviceStateChange", "VarSet");

    /**
     * Waits (a bounded time) until the simulator sent at least as many events of each name as the recording
     * shows before this write, so that scheduling jitter on a busy machine cannot reorder a client action
     * and a simulated event that were seconds apart on the real server.
     */
    private static void awaitRecordedEvents(SimClient client, List<AmiMessage> before) throws InterruptedException {
        java.util.Map<String, Long> want = before.stream()
                .filter(m -> m.type() == org.confroom.ami.codec.MessageType.EVENT && !UNCOUNTED.contains(m.name()))
                .collect(java.util.stream.Collectors.groupingBy(AmiMessage::name, java.util.stream.Collectors.counting()));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && !client.closedByServer()) {
            java.util.Map<String, Long> got = client.messages().stream()
                    .filter(m -> m.type() == org.confroom.ami.codec.MessageType.EVENT)
                    .collect(java.util.stream.Collectors.groupingBy(AmiMessage::name, java.util.stream.Collectors.counting()));
            if (want.entrySet().stream().allMatch(e -> got.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                return;
            }
            Thread.sleep(5);
        }
    }

    /** Replays and asserts that the simulator matches the recording. */
    static void assertFaithful(Transcript t, AmiSimulator sim) throws IOException, InterruptedException {
        assertFaithful(t, sim, (b, got) -> b);
    }

    /** Replays with a rewriter and asserts that the simulator matches the recording. */
    static void assertFaithful(Transcript t, AmiSimulator sim, Rewriter rewriter)
            throws IOException, InterruptedException {
        List<AmiMessage> got = run(t, sim, rewriter);
        List<String> diffs = Fidelity.compare(t.server, got);
        assertThat(diffs).as("differences from %s", t.name).isEmpty();
    }
}
