package org.confroom.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Arbitrary bytes, valid UTF-8 or not, never make the decoder throw, and it recovers afterwards. */
class DecoderGarbageTest {
    private static final byte[] RECOVER = "\r\n\r\nResponse: Success\r\nActionID: after\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void garbageNeverThrowsAndTheNextMessageDecodes() {
        RandomTries.run("garbage", 300, r -> garbageThenMessage(garbage(r), RandomTries.between(r, 1, 97)));
    }

    private static void garbageThenMessage(byte[] garbage, int chunk) {
        AmiDecoder decoder = AmiDecoder.forServerStream();
        List<AmiFrame> frames = new ArrayList<>();
        for (int at = 0; at < garbage.length; at += chunk) {
            decoder.feed(garbage, at, Math.min(chunk, garbage.length - at), frames::add);
        }
        decoder.feed(RECOVER, 0, RECOVER.length, frames::add);
        decoder.endOfInput(frames::add);

        assertThat(frames).last().isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "after"));
        assertThat(decoder.messageCount() + decoder.malformedCount())
                .isEqualTo(frames.stream().filter(f -> !(f instanceof Banner)).count());
    }

    /** Random bytes with many line ends, colons and spaces among them, so that lines and headers form. */
    private static byte[] garbage(Random r) {
        byte[] framing = {'\r', '\n', ':', ' '};
        byte[] out = new byte[r.nextInt(3001)];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.nextInt(7) == 0 ? framing[r.nextInt(framing.length)] : (byte) r.nextInt(256);
        }
        return out;
    }
}
