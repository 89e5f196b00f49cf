package org.confroom.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Arbitrary bytes, valid UTF-8 or not, never make the decoder throw, and it recovers afterwards. */
class DecoderGarbageTest {
    private static final byte[] RECOVER = "\r\n\r\nResponse: Success\r\nActionID: after\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Property(tries = 300)
    void garbageNeverThrowsAndTheNextMessageDecodes(@ForAll("garbage") byte[] garbage,
            @ForAll @IntRange(min = 1, max = 97) int chunk) {
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
    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<Byte> bytes = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.bytes()),
                Tuple.of(1, Arbitraries.of((byte) '\r', (byte) '\n', (byte) ':', (byte) ' ')));
        return bytes.array(byte[].class).ofMaxSize(3000);
    }
}
