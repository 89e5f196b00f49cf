package org.confroom.ami.sim;

import java.nio.charset.StandardCharsets;
import org.confroom.ami.action.Challenge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transcripts 01 to 06: banner, plain and MD5 login, failures, actions before login, empty ConfBridge lists. */
class LoginFidelityTest {
    @ParameterizedTest
    @ValueSource(strings = {"01-", "02-", "02b-", "03-", "05-", "06-"})
    void replays(String prefix) throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build())) {
            Replay.assertFaithful(Transcript.load(prefix), sim);
        }
    }

    /** 04: the recorded key answers the recorded challenge, so the key is recomputed for the simulator's. */
    @Test
    void md5LoginWithFreshChallenge() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build())) {
            Replay.assertFaithful(Transcript.load("04-"), sim, (bytes, got) -> {
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                String challenge = got.stream().filter(m -> m.has("Challenge")).map(m -> m.text("Challenge"))
                        .findFirst().orElse(null);
                if (challenge == null || !text.contains("Key: ")) {
                    return bytes;
                }
                return text.replaceAll("Key: [0-9a-f]+", "Key: " + Challenge.md5Key(challenge, "admin-secret"))
                        .getBytes(StandardCharsets.ISO_8859_1);
            });
        }
    }
}
