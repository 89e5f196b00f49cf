package org.confroom.ami.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transcripts whose setup is on record: originate, ConfBridge, redirect, hangup, DTMF, filter. */
class CallFidelityTest {
    @ParameterizedTest
    @ValueSource(strings = {"07-", "11-", "22-", "23-", "24-", "25-", "26-", "29-"})
    void replays(String prefix) throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build())) {
            Transcript t = Transcript.load(prefix);
            Replay.alignChannelSequence(t, sim);
            Replay.assertFaithful(t, sim);
        }
    }
}
