package org.confroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Event blocks of a recorded {@code *.s2c.raw} server stream, byte for byte as Asterisk sent them
 * (headers and blank line), without the banner, responses and command output. The replay server
 * sends exactly these bytes, so every client is fed the same input.
 */
public final class Transcript {
    /** Largest chunk the replay server writes at once; chunks always end at an event boundary. */
    static final int CHUNK_BYTES = 32 * 1024;

    private final String name;
    private final byte[] events;
    private final int eventCount;
    private final Map<String, Integer> countsByName;
    /** End offsets (exclusive) of the chunks, and the number of events that each chunk completes. */
    private final int[] chunkEnds;
    private final int[] chunkEvents;
    private final long rawFileBytes;

    private Transcript(String name, byte[] events, int eventCount, Map<String, Integer> countsByName,
                       int[] chunkEnds, int[] chunkEvents, long rawFileBytes) {
        this.name = name;
        this.events = events;
        this.eventCount = eventCount;
        this.countsByName = countsByName;
        this.chunkEnds = chunkEnds;
        this.chunkEvents = chunkEvents;
        this.rawFileBytes = rawFileBytes;
    }

    /**
     * Reads a recording and keeps its Event blocks.
     *
     * @param file a {@code *.s2c.raw} file (banner first, CRLF or bare LF line ends)
     * @return the transcript
     */
    public static Transcript load(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transcript " + file, e);
        }
        String name = file.getFileName().toString().replace(".s2c.raw", "");
        return parse(name, raw);
    }

    /**
     * Finds a recording by its number or name in a directory of transcripts.
     *
     * @param dir the transcripts directory
     * @param id {@code 19}, {@code 19-load-50-originates-events-on} or a path
     * @return the transcript
     */
    public static Transcript find(Path dir, String id) {
        Path direct = Path.of(id);
        if (Files.isRegularFile(direct)) {
            return load(direct);
        }
        try (var files = Files.list(dir)) {
            Path match = files.filter(p -> p.getFileName().toString().startsWith(id + (id.matches("\\d+") ? "-" : ""))
                            && p.getFileName().toString().endsWith(".s2c.raw"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no " + id + "*.s2c.raw in " + dir));
            return load(match);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static Transcript parse(String name, byte[] raw) {
        int i = indexAfterLine(raw, 0); // the banner
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length);
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Integer> ends = new ArrayList<>();
        List<Integer> perChunk = new ArrayList<>();
        int chunkStart = 0;
        int inChunk = 0;
        int events = 0;
        while (i < raw.length) {
            int start = i;
            int firstLineEnd = indexAfterLine(raw, i);
            if (isBlank(raw, start, firstLineEnd)) {
                i = firstLineEnd; // blank lines between messages
                continue;
            }
            int j = firstLineEnd;
            while (j < raw.length && !isBlank(raw, j, indexAfterLine(raw, j))) {
                j = indexAfterLine(raw, j);
            }
            int end = Math.min(raw.length, indexAfterLine(raw, j)); // include the blank line
            String first = new String(raw, start, firstLineEnd - start, StandardCharsets.UTF_8).strip();
            if (first.regionMatches(true, 0, "Event:", 0, 6) && end > j) {
                if (out.size() + (end - start) - chunkStart > CHUNK_BYTES && inChunk > 0) {
                    ends.add(out.size());
                    perChunk.add(inChunk);
                    chunkStart = out.size();
                    inChunk = 0;
                }
                out.write(raw, start, end - start);
                counts.merge(first.substring(6).strip(), 1, Integer::sum);
                events++;
                inChunk++;
            }
            i = end;
        }
        if (inChunk > 0) {
            ends.add(out.size());
            perChunk.add(inChunk);
        }
        return new Transcript(name, out.toByteArray(), events, Collections.unmodifiableMap(counts),
                ends.stream().mapToInt(Integer::intValue).toArray(),
                perChunk.stream().mapToInt(Integer::intValue).toArray(), raw.length);
    }

    private static int indexAfterLine(byte[] b, int from) {
        for (int k = from; k < b.length; k++) {
            if (b[k] == '\n') {
                return k + 1;
            }
        }
        return b.length;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        int n = to - from;
        return n == 1 && b[from] == '\n' || n == 2 && b[from] == '\r' && b[from + 1] == '\n';
    }

    /** @return the recording's file name without {@code .s2c.raw} */
    public String name() {
        return name;
    }

    /** @return the Event blocks, concatenated, as sent on the wire */
    public byte[] eventBytes() {
        return events;
    }

    /** @return how many Event blocks one replay sends */
    public int eventCount() {
        return eventCount;
    }

    /** @return the size of the whole recording, banner and responses included */
    public long rawFileBytes() {
        return rawFileBytes;
    }

    /** @return events per name in one replay (case-insensitive keys) */
    public Map<String, Integer> countsByName() {
        return countsByName;
    }

    int chunkCount() {
        return chunkEnds.length;
    }

    int chunkStart(int chunk) {
        return chunk == 0 ? 0 : chunkEnds[chunk - 1];
    }

    int chunkEnd(int chunk) {
        return chunkEnds[chunk];
    }

    int chunkEvents(int chunk) {
        return chunkEvents[chunk];
    }
}
