package org.confroom.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * For any key and value the encoder either refuses the header or writes exactly one header line:
 * two CRLF pairs (line end and blank line) and no other CR or LF, and the decoder reads back the
 * same key and value.
 */
class EncoderRoundTripTest {
    @Property(tries = 3000)
    void headerIsRefusedOrFramedExactlyAndRoundTrips(@ForAll("text") String key, @ForAll("text") String value) {
        byte[] bytes;
        try {
            bytes = new AmiEncoder().header(key, value).toBytes();
        } catch (AmiEncodingException e) {
            Statistics.collect("refused");
            assertThat(e.header()).isEqualTo(key);
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        Statistics.collect("accepted");

        int crlf = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r') {
                assertThat(bytes[i + 1]).as("byte after CR at %d", i).isEqualTo((byte) '\n');
                crlf++;
                i++;
            } else {
                assertThat(bytes[i]).as("bare LF at %d", i).isNotEqualTo((byte) '\n');
            }
        }
        assertThat(crlf).isEqualTo(2);
        assertThat(bytes[bytes.length - 2]).isEqualTo((byte) '\r');
        assertThat(key + value).doesNotContain("\0");

        List<AmiFrame> frames = AmiDecoder.withoutBanner().decodeAll(bytes);
        assertThat(frames).singleElement().isInstanceOfSatisfying(AmiMessage.class, m -> {
            assertThat(m.size()).isEqualTo(1);
            assertThat(escaped(m.keyAt(0))).as("key").isEqualTo(escaped(key));
            assertThat(escaped(m.valueAt(0))).as("value").isEqualTo(escaped(value));
        });
    }

    /** @return the text with everything outside printable ASCII as a hex escape, for readable failures */
    private static String escaped(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    /** Short strings over all of UTF-16 (unpaired surrogates included), biased to framing characters. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(10),
                Arbitraries.strings().alpha().numeric().withChars("-_()").ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().withChars("\r\n\0: \tAbc\u00e9\u20ac\ud83d\ude00\ud800").ofMaxLength(10));
    }
}
