package org.confroom.ami.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Access to the recorded AMI sessions in {@code shared/ami-transcripts}, and a small parser of their
 * annotated {@code .txt} form that is independent of {@link AmiDecoder}: tests compare the two.
 */
public final class Transcripts {
    /** Transcripts recorded over HTTP; every other one is a TCP session. */
    public static final Set<String> HTTP = Set.of("14", "15", "16", "28");

    private static Path dir;

    private Transcripts() {
    }

    /**
     * @return the transcripts directory: the system property {@code ami.transcripts} set by
     *     surefire, else {@code ../../shared/ami-transcripts} relative to the module, else the nearest
     *     {@code shared/ami-transcripts} above the working directory (a git worktree lies deeper than
     *     the checkout the property is computed for)
     */
    public static synchronized Path dir() {
        if (dir != null) {
            return dir;
        }
        List<Path> tried = new ArrayList<>();
        String property = System.getProperty("ami.transcripts");
        if (property != null && !property.isBlank()) {
            tried.add(Path.of(property));
        }
        tried.add(Path.of("../../shared/ami-transcripts"));
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            tried.add(p.resolve("shared/ami-transcripts"));
        }
        for (Path candidate : tried) {
            if (Files.isRegularFile(candidate.resolve("01-login-plain.s2c.raw"))) {
                dir = candidate.normalize();
                return dir;
            }
        }
        throw new IllegalStateException("AMI transcripts not found; set -Dami.transcripts. Tried " + tried);
    }

    /** @return every transcript name such as {@code 07-originate-into-confbridge-events}, sorted */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".s2c.raw"))
                    .map(n -> n.substring(0, n.length() - ".s2c.raw".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the names of the TCP sessions */
    public static List<String> tcpNames() {
        return names().stream().filter(n -> !HTTP.contains(number(n))).toList();
    }

    /** @return the full name of the transcript with this number, for example {@code 17} */
    public static String named(String number) {
        return names().stream().filter(n -> number(n).equals(number)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no transcript " + number));
    }

    /** @return the number part of a name, for example {@code 02b} */
    public static String number(String name) {
        return name.substring(0, name.indexOf('-'));
    }

    /** @return the server-to-client bytes */
    public static byte[] s2c(String name) {
        return read(name + ".s2c.raw");
    }

    /** @return the client-to-server bytes */
    public static byte[] c2s(String name) {
        return read(name + ".c2s.raw");
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the {@code .txt} form: the lines after {@code prefix} ({@code "S: "} or {@code "C: "}),
     * each with its line terminator, grouped by TCP connection (a new group starts at every
     * annotation that mentions a {@code new TCP connection}).
     */
    public static List<List<byte[]>> linesByConnection(String name, String prefix) {
        byte[] txt = read(name + ".txt");
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        List<List<byte[]>> connections = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        int start = 0;
        while (start < txt.length) {
            int lf = start;
            while (txt[lf] != '\n') {
                lf++;
            }
            String head = new String(txt, start, Math.min(lf - start, 3), StandardCharsets.ISO_8859_1);
            boolean annotation = head.startsWith("# ");
            if (annotation && new String(txt, start, lf - start, StandardCharsets.UTF_8).contains("new TCP connection")) {
                connections.add(current);
                current = new ArrayList<>();
            } else if (startsWith(txt, start, p)) {
                byte[] line = new byte[lf + 1 - start - p.length];
                System.arraycopy(txt, start + p.length, line, 0, line.length);
                current.add(line);
            } else if (!annotation && !head.startsWith("S: ") && !head.startsWith("C: ")) {
                throw new IllegalStateException(name + ".txt: unexpected line at byte " + start + ": " + head);
            }
            start = lf + 1;
        }
        connections.add(current);
        connections.removeIf(List::isEmpty);
        return connections;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the lines of all connections in order */
    public static List<byte[]> lines(String name, String prefix) {
        return linesByConnection(name, prefix).stream().flatMap(List::stream).toList();
    }

    /** @return the line as text without its terminator: the final LF and one CR before it */
    public static String text(byte[] line) {
        int end = line.length;
        if (end > 0 && line[end - 1] == '\n') {
            end--;
            if (end > 0 && line[end - 1] == '\r') {
                end--;
            }
        }
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    /** @return the lines as text, see {@link #text(byte[])} */
    public static List<String> texts(List<byte[]> lines) {
        return lines.stream().map(Transcripts::text).toList();
    }

    /** @return the bytes of all lines, one after the other */
    public static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * Splits lines into messages at blank lines and each line into key and value: the key is what
     * stands before the first {@code ':'}, the value what follows it, without one space after it.
     */
    public static List<List<Map.Entry<String, String>>> messages(List<String> lines) {
        List<List<Map.Entry<String, String>>> out = new ArrayList<>();
        List<Map.Entry<String, String>> block = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!block.isEmpty()) {
                    out.add(block);
                    block = new ArrayList<>();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a header line: " + line);
            }
            String value = line.substring(colon + 1);
            block.add(Map.entry(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value));
        }
        if (!block.isEmpty()) {
            out.add(block);
        }
        return out;
    }

    /** @return the headers of a decoded message as key-value pairs in wire order */
    public static List<Map.Entry<String, String>> headers(AmiMessage message) {
        List<Map.Entry<String, String>> out = new ArrayList<>(message.size());
        for (int i = 0; i < message.size(); i++) {
            out.add(Map.entry(message.keyAt(i), message.valueAt(i)));
        }
        return out;
    }

    /** @return every message decoded from a TCP transcript's server stream, one decoder per connection */
    public static List<AmiFrame> decodeServer(String name) {
        List<AmiFrame> frames = new ArrayList<>();
        byte[] raw = s2c(name);
        int at = 0;
        for (List<byte[]> connection : linesByConnection(name, "S: ")) {
            byte[] bytes = concat(connection);
            frames.addAll(AmiDecoder.forServerStream().decodeAll(Arrays.copyOfRange(raw, at, at + bytes.length)));
            at += bytes.length;
        }
        return frames;
    }

    /** @return the decoded messages only, for tests of events and responses */
    public static List<AmiMessage> serverMessages(String name) {
        return decodeServer(name).stream().filter(AmiMessage.class::isInstance).map(AmiMessage.class::cast).toList();
    }

    /** @return the messages a client sent, decoded */
    public static List<AmiMessage> clientMessages(String name) {
        return AmiDecoder.withoutBanner().decodeAll(c2s(name)).stream()
                .map(f -> {
                    if (f instanceof AmiMessage m) {
                        return m;
                    }
                    throw new IllegalStateException(name + ": client stream frame " + f);
                })
                .toList();
    }

    /**
     * Cuts an HTTP response stream into bodies by their {@code Content-Length}.
     *
     * @return the bodies in order
     */
    public static List<byte[]> httpBodies(byte[] stream) {
        List<byte[]> bodies = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int end = indexOf(stream, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (end < 0) {
                throw new IllegalStateException("HTTP head without end at byte " + at);
            }
            String head = new String(stream, at, end - at, StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.1 ")) {
                throw new IllegalStateException("not an HTTP response at byte " + at + ": " + head);
            }
            int length = -1;
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IllegalStateException("HTTP response without Content-Length: " + head);
            }
            bodies.add(Arrays.copyOfRange(stream, end + 4, end + 4 + length));
            at = end + 4 + length;
        }
        return bodies;
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = from; i + what.length <= b.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
