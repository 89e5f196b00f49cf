package org.confroom.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * For any key and value the encoder either refuses the header or writes exactly one header line:
 * two CRLF pairs (line end and blank line) and no other CR or LF, and the decoder reads back the
 * same key and value.
 */
class EncoderRoundTripTest {
    private static final String[] EDGE = {"", " ", "\r", "\n", "\r\n", "\0", ":", "\ud800", "a\rb", "a\nb"};

    @Test
    void headerIsRefusedOrFramedExactlyAndRoundTrips() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        for (String k : EDGE) {
            for (String v : EDGE) {
                (check(k, v) ? accepted : refused).incrementAndGet();
                (check("Key", v) ? accepted : refused).incrementAndGet();
            }
        }
        RandomTries.run("encoder round trip", 3000, r -> (check(text(r), text(r)) ? accepted : refused).incrementAndGet());
        // both outcomes must really occur, or the test proves nothing
        assertThat(accepted.get()).isGreaterThan(500);
        assertThat(refused.get()).isGreaterThan(500);
    }

    /** @return true when the header was accepted (and checked), false when it was refused */
    private static boolean check(String key, String value) {
        byte[] bytes;
        try {
            bytes = new AmiEncoder().header(key, value).toBytes();
        } catch (AmiEncodingException e) {
            assertThat(e.header()).isEqualTo(key);
            assertThat(e.getMessage()).isNotBlank();
            return false;
        }

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
        return true;
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
    private static String text(Random r) {
        String alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_()";
        String framing = "\r\n\0: \tAbc\u00e9\u20ac\ud83d\ude00\ud800";
        int kind = r.nextInt(3);
        int length = kind == 1 ? RandomTries.between(r, 1, 10) : r.nextInt(11);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (kind) {
                case 0 -> sb.append((char) r.nextInt(0x10000));
                case 1 -> sb.append(alnum.charAt(r.nextInt(alnum.length())));
                default -> sb.append(framing.charAt(r.nextInt(framing.length())));
            }
        }
        return sb.toString();
    }
}
