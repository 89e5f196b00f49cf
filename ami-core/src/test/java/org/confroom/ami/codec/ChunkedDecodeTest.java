package org.confroom.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The decoder hands out the same frames however the input is cut: all at once, one byte at a
 * time, or in random chunks. Every recorded stream, both directions, is checked.
 */
class ChunkedDecodeTest {
    private static final String LOAD = "19";
    /** One-byte feeding for every stream below this size. */
    private static final int ONE_BYTE_LIMIT = 1 << 20;

    private static final Map<String, byte[]> STREAMS = new HashMap<>();
    private static final Map<String, List<AmiFrame>> WHOLE = new HashMap<>();

    static {
        for (String name : Transcripts.names()) {
            STREAMS.put(name + ".s2c", Transcripts.s2c(name));
            STREAMS.put(name + ".c2s", Transcripts.c2s(name));
        }
        STREAMS.forEach((k, v) -> WHOLE.put(k, decoder(k).decodeAll(v)));
    }

    private static AmiDecoder decoder(String stream) {
        return stream.endsWith(".s2c") ? AmiDecoder.forServerStream() : AmiDecoder.withoutBanner();
    }

    @Example
    void oneByteAtATimeEqualsAllAtOnce() {
        STREAMS.forEach((stream, bytes) -> {
            if (bytes.length < ONE_BYTE_LIMIT) {
                assertThat(chunked(stream, bytes, List.of(1))).as(stream).isEqualTo(WHOLE.get(stream));
            }
        });
    }

    @Property(tries = 50)
    void randomChunksEqualAllAtOnce(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 3000) Integer> chunkSizes) {
        STREAMS.forEach((stream, bytes) -> {
            if (!stream.startsWith(LOAD + "-")) {
                assertThat(chunked(stream, bytes, chunkSizes)).as(stream).isEqualTo(WHOLE.get(stream));
            }
        });
    }

    @Property(tries = 3)
    void loadTranscriptInRandomChunksEqualsAllAtOnce(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 1, max = 20_000) Integer> chunkSizes) {
        String stream = Transcripts.named(LOAD) + ".s2c";
        assertThat(chunked(stream, STREAMS.get(stream), chunkSizes)).isEqualTo(WHOLE.get(stream));
    }

    /** Feeds the bytes in chunks of the given sizes, repeated cyclically, then ends the input. */
    private static List<AmiFrame> chunked(String stream, byte[] bytes, List<Integer> chunkSizes) {
        AmiDecoder decoder = decoder(stream);
        List<AmiFrame> frames = new ArrayList<>();
        int at = 0;
        for (int i = 0; at < bytes.length; i++) {
            int n = Math.min(chunkSizes.get(i % chunkSizes.size()), bytes.length - at);
            decoder.feed(bytes, at, n, frames::add);
            at += n;
        }
        decoder.endOfInput(frames::add);
        return frames;
    }
}
