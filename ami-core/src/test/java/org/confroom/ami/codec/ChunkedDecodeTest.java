package org.confroom.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.Random;

import org.junit.jupiter.api.Test;

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

    @Test
    void oneByteAtATimeEqualsAllAtOnce() {
        STREAMS.forEach((stream, bytes) -> {
            if (bytes.length < ONE_BYTE_LIMIT) {
                assertThat(chunked(stream, bytes, List.of(1))).as(stream).isEqualTo(WHOLE.get(stream));
            }
        });
    }

    @Test
    void randomChunksEqualAllAtOnce() {
        RandomTries.run("random chunks", 50, r -> {
            List<Integer> chunkSizes = chunkSizes(r, 40, 3000);
            STREAMS.forEach((stream, bytes) -> {
                if (!stream.startsWith(LOAD + "-")) {
                    assertThat(chunked(stream, bytes, chunkSizes)).as(stream + " in chunks " + chunkSizes).isEqualTo(WHOLE.get(stream));
                }
            });
        });
    }

    @Test
    void loadTranscriptInRandomChunksEqualsAllAtOnce() {
        String stream = Transcripts.named(LOAD) + ".s2c";
        RandomTries.run("load transcript in random chunks", 3, r -> {
            List<Integer> chunkSizes = chunkSizes(r, 200, 20_000);
            assertThat(chunked(stream, STREAMS.get(stream), chunkSizes)).isEqualTo(WHOLE.get(stream));
        });
    }

    /** @return 1 to {@code maxCount} chunk sizes between 1 and {@code maxSize} */
    private static List<Integer> chunkSizes(Random r, int maxCount, int maxSize) {
        List<Integer> sizes = new ArrayList<>();
        int n = RandomTries.between(r, 1, maxCount);
        for (int i = 0; i < n; i++) {
            // small chunks are where framing bugs hide: favour them
            sizes.add(r.nextInt(4) == 0 ? RandomTries.between(r, 1, 3) : RandomTries.between(r, 1, maxSize));
        }
        return sizes;
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
