package org.confroom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiFrame;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MessageType;
import org.confroom.ami.event.AmiEvents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The decoder alone: one operation decodes a whole recorded server stream (banner, responses, events),
 * fed in 64 KiB chunks as the client's reader thread feeds it. {@code decodeAndType} also turns every
 * event into its typed class ({@link AmiEvents#of}), which is what the client's reader does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecoderBenchmark {
    static final int CHUNK = 64 * 1024;

    /** A transcript number or name in the directory given by {@code -Dami.transcripts}. */
    @Param({"19", "20"})
    public String transcript;

    byte[] bytes;
    long messages;

    @Setup
    public void load() throws IOException {
        Path dir = Path.of(System.getProperty("ami.transcripts", "docs/ami-transcripts"));
        Transcript t = Transcript.find(dir, transcript);
        bytes = java.nio.file.Files.readAllBytes(dir.resolve(t.name() + ".s2c.raw"));
        messages = countMessages(bytes);
    }

    /** @return the messages (not the banner) in a recorded stream */
    static long countMessages(byte[] bytes) {
        AmiDecoder d = AmiDecoder.forServerStream();
        d.feed(bytes, 0, bytes.length, f -> { });
        return d.messageCount();
    }

    @Benchmark
    public long decode(Blackhole bh) {
        AmiDecoder d = AmiDecoder.forServerStream();
        AmiDecoder.FrameSink sink = bh::consume;
        feed(d, sink);
        return d.messageCount();
    }

    @Benchmark
    public long decodeAndType(Blackhole bh) {
        AmiDecoder d = AmiDecoder.forServerStream();
        AmiDecoder.FrameSink sink = f -> bh.consume(typed(f));
        feed(d, sink);
        return d.messageCount();
    }

    private static Object typed(AmiFrame f) {
        return f instanceof AmiMessage m && m.type() == MessageType.EVENT ? AmiEvents.of(m) : f;
    }

    private void feed(AmiDecoder d, AmiDecoder.FrameSink sink) {
        for (int off = 0; off < bytes.length; off += CHUNK) {
            d.feed(bytes, off, Math.min(CHUNK, bytes.length - off), sink);
        }
    }
}
