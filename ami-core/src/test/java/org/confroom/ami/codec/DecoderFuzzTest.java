package org.confroom.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Recorded server streams, damaged by {@link AmiStreamMutator} and fed in random chunks: the decoder
 * never throws, finishes each input in bounded time, hands out nothing beyond its limits, keeps a
 * bounded amount of memory, and decodes the undamaged rest of the stream exactly as if it came alone.
 * CI runs {@value #CI_TRIES} tries; {@code -Dconfroom.fuzz.tries=N} runs more (see {@code bin/fuzz}).
 */
class DecoderFuzzTest {
    static final int CI_TRIES = 400;
    private static final long MAX_MILLIS_PER_INPUT = 5_000;
    /** Beyond the message being decoded: caches of short names (a few hundred KiB) and the header arrays. */
    private static final long FIXED_OVERHEAD = 1 << 20;
    private static final byte[] SEPARATOR = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BLANK_LINE = SEPARATOR;
    private static final byte[] END_OUTPUT = "\r\n--END COMMAND--\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SENTINEL = "Response: Success\r\nActionID: sentinel\r\nMessage: after the damage\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final int WINDOW = 64 * 1024;
    private static final List<String> NAMES = Transcripts.names();

    @Test
    void damagedTranscriptsDecodeSafelyAndTheUndamagedRestDecodesAsAlone() {
        int tries = RandomTries.tries("decoder", CI_TRIES);
        long[] totals = new long[4]; // inputs, bytes, malformed, slowest ms
        RandomTries.run("damaged transcript", tries, r -> oneTry(r, totals));
        System.out.printf(Locale.ROOT, "FUZZ | ami-core decoder, damaged transcripts | %d tries | %d MiB fed | %d malformed reported | slowest input %d ms%n",
                totals[0], totals[1] >> 20, totals[2], totals[3]);
    }

    private static void oneTry(Random r, long[] totals) {
        String name = NAMES.get(r.nextInt(NAMES.size()));
        byte[] all = Transcripts.s2c(name);
        int start = all.length <= WINDOW ? 0 : boundaryAfter(all, r.nextInt(all.length - WINDOW));
        int end = Math.min(all.length, start + WINDOW);
        int cut = boundaryAfter(all, RandomTries.between(r, start, end));
        cut = Math.min(cut, end);
        DecoderLimits limits = r.nextInt(3) == 0 ? DecoderLimits.DEFAULT
                : new DecoderLimits(RandomTries.between(r, 64, 4096), RandomTries.between(r, 1, 300), RandomTries.between(r, 4096, 65_536));
        AmiStreamMutator mutator = new AmiStreamMutator(r, limits.maxLineLength());
        byte[] damaged = mutator.mutate(java.util.Arrays.copyOfRange(all, start, cut), 6);
        byte[] rest = java.util.Arrays.copyOfRange(all, cut, end);
        boolean mayFollow = new String(damaged, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains("follows");
        // a Response: Follows block ends only at --END COMMAND--, not at a blank line
        byte[] tail = mayFollow ? AmiStreamMutator.concat(END_OUTPUT, SENTINEL) : AmiStreamMutator.concat(SEPARATOR, rest);
        byte[] input = AmiStreamMutator.concat(damaged, tail);
        String what = name + " [" + start + ", " + cut + ") with " + mutator.applied() + ", limits " + limits;

        AmiDecoder decoder = new AmiDecoder(limits, start == 0);
        long t0 = System.nanoTime();
        List<AmiFrame> frames = feedInChunks(decoder, input, r);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(millis).as("time for " + input.length + " bytes of " + what).isLessThan(MAX_MILLIS_PER_INPUT);
        for (AmiFrame f : frames) {
            if (f instanceof AmiMessage m) {
                assertWithinLimits(m, limits, what);
            }
        }
        assertThat(decoder.retainedBytes()).as("retained bytes after " + what)
                .isLessThanOrEqualTo(4L * limits.maxMessageBytes() + limits.maxLineLength() + FIXED_OVERHEAD);
        assertThat(decoder.messageCount() + decoder.malformedCount()).as(what)
                .isEqualTo(frames.stream().filter(f -> !(f instanceof Banner)).count());

        List<AmiFrame> expectedTail = mayFollow ? new AmiDecoder(limits, false).decodeAll(SENTINEL)
                : new AmiDecoder(limits, false).decodeAll(rest);
        assertThat(frames.size()).as(what).isGreaterThanOrEqualTo(expectedTail.size());
        assertThat(frames.subList(frames.size() - expectedTail.size(), frames.size())).as("the undamaged rest after " + what)
                .isEqualTo(expectedTail);

        totals[0]++;
        totals[1] += input.length;
        totals[2] += decoder.malformedCount();
        totals[3] = Math.max(totals[3], millis);
    }

    /** Any size of message the decoder hands out keeps every bound, measured in characters (at most one per byte). */
    private static void assertWithinLimits(AmiMessage m, DecoderLimits limits, String what) {
        assertThat(m.size()).as("headers of " + m.name() + " in " + what).isLessThanOrEqualTo(limits.maxHeaders());
        long total = 0;
        for (int i = 0; i < m.size(); i++) {
            int line = m.keyAt(i).length() + 1 + m.valueAt(i).length();
            assertThat(line).as("header line of " + m.name() + " in " + what).isLessThanOrEqualTo(limits.maxLineLength());
            total += line + 2;
        }
        List<String> output = m.hasFollowsBlock() ? m.outputLines() : List.of();
        assertThat(m.size() + output.size()).as("lines of " + m.name() + " in " + what).isLessThanOrEqualTo(limits.maxHeaders());
        for (String o : output) {
            total += o.length() + 2;
        }
        assertThat(total).as("size of " + m.name() + " in " + what).isLessThanOrEqualTo(limits.maxMessageBytes());
    }

    @Test
    void aMessageBeyondTheSizeLimitIsMalformedAndTheNextOneDecodes() {
        // 200 headers of 60,000 bytes: each line and the header count are within the defaults, the message (12 MB) is not
        String value = "v".repeat(60_000);
        StringBuilder big = new StringBuilder("Event: Huge\r\n");
        for (int i = 0; i < 200; i++) {
            big.append("H").append(i).append(": ").append(value).append("\r\n");
        }
        big.append("\r\n");
        byte[] input = AmiStreamMutator.concat(big.toString().getBytes(StandardCharsets.US_ASCII), SENTINEL);

        AmiDecoder decoder = AmiDecoder.withoutBanner();
        List<AmiFrame> frames = decoder.decodeAll(input);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOfSatisfying(MalformedMessage.class,
                m -> assertThat(m.reason()).isEqualTo("message longer than 4194304 bytes"));
        assertThat(frames.get(1)).isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "sentinel", "Message", "after the damage"));
        assertThat(decoder.retainedBytes()).isLessThan(2L << 20);
    }

    @Test
    void longHeaderNamesAndMessageNamesAreNotKeptAfterTheirMessage() {
        // 600 messages, each with its own 30 KB header name and event name: before, the caches kept them all (~100 MB)
        AmiDecoder decoder = AmiDecoder.withoutBanner();
        List<AmiFrame> frames = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String key = i + "k".repeat(30_000);
            String message = "Event: " + i + "e".repeat(30_000) + "\r\n" + key + ": value\r\n\r\n";
            byte[] b = message.getBytes(StandardCharsets.US_ASCII);
            decoder.feed(b, 0, b.length, frames::add);
        }
        assertThat(frames).hasSize(600).allMatch(AmiMessage.class::isInstance);
        assertThat(decoder.retainedBytes()).isLessThan(2L << 20);
    }

    @Test
    void aFollowsBlockWithoutTerminatorEndsAtTheHeaderLimitAndTheStreamRecovers() {
        DecoderLimits limits = new DecoderLimits(128, 50);
        String stream = "Response: Follows\r\nPrivilege: Command\r\n" + "line\r\n\r\n".repeat(40)
                + "Response: Success\r\nActionID: swallowed\r\n\r\n" + "\r\n--END COMMAND--\r\n\r\n";
        List<AmiFrame> frames = new AmiDecoder(limits, false).decodeAll(
                AmiStreamMutator.concat(stream.getBytes(StandardCharsets.US_ASCII), SENTINEL));

        assertThat(frames).first().isInstanceOfSatisfying(MalformedMessage.class,
                m -> assertThat(m.reason()).isEqualTo("more than 50 command output lines in one message"));
        assertThat(frames).last().isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "sentinel", "Message", "after the damage"));
    }

    /** @return the index just after the first blank line ending at or after {@code from}, or the input length */
    private static int boundaryAfter(byte[] b, int from) {
        for (int i = Math.max(from, 0); i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i + 4;
            }
        }
        return b.length;
    }

    private static List<AmiFrame> feedInChunks(AmiDecoder decoder, byte[] input, Random r) {
        List<AmiFrame> frames = new ArrayList<>();
        int small = RandomTries.between(r, 1, 7);
        int large = RandomTries.between(r, 8, 70_000);
        for (int at = 0; at < input.length;) {
            int n = Math.min(input.length - at, r.nextInt(4) == 0 ? small : large);
            decoder.feed(input, at, n, frames::add);
            at += n;
        }
        decoder.endOfInput(frames::add);
        return frames;
    }
}
