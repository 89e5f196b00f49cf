package org.confroom.ami.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiFrame;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MessageType;

/**
 * A recorded session read from its annotated {@code NN-name.txt}: the client writes (with the time of the
 * direction change before them) and the server messages, both decoded with ami-core's {@link AmiDecoder}.
 */
final class Transcript {
    private static final Pattern TIME = Pattern.compile("^# \\[\\+([0-9.]+)s\\] (C->S|S->C)");

    /** Client bytes written at once (pipelined messages stay together), and what the server said before. */
    record ClientWrite(double seconds, byte[] bytes, int responsesBefore, int messagesBefore) {
    }

    final String name;
    final String banner;
    final List<ClientWrite> writes;
    final List<AmiMessage> server;

    private Transcript(String name, String banner, List<ClientWrite> writes, List<AmiMessage> server) {
        this.name = name;
        this.banner = banner;
        this.writes = writes;
        this.server = server;
    }

    /**
     * @return the transcripts: the {@code ami.transcripts} property, else {@code ../../shared/ami-transcripts},
     *     else the first {@code shared/ami-transcripts} found walking up from the working directory (worktrees)
     */
    static Path directory() {
        String p = System.getProperty("ami.transcripts");
        if (p != null && Files.isDirectory(Path.of(p))) {
            return Path.of(p);
        }
        Path fallback = Path.of("../../shared/ami-transcripts");
        if (Files.isDirectory(fallback)) {
            return fallback;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/ami-transcripts");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fallback;
    }

    static Transcript load(String prefix) throws IOException {
        try (var files = Files.list(directory())) {
            Path txt = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".txt")).findFirst()
                    .orElseThrow(() -> new IOException("no transcript " + prefix + "*.txt in " + directory()));
            return parse(txt.getFileName().toString(), Files.readString(txt, StandardCharsets.ISO_8859_1));
        }
    }

    static Transcript parse(String name, String text) {
        List<ClientWrite> writes = new ArrayList<>();
        StringBuilder serverBytes = new StringBuilder();
        StringBuilder pending = null;
        double time = 0;
        double pendingTime = 0;
        int responses = 0;
        int pendingResponses = 0;
        int messages = 0;
        int pendingMessages = 0;
        String banner = null;
        boolean atMessageStart = true;
        for (String line : text.split("(?<=\n)")) {
            Matcher m = TIME.matcher(line);
            if (m.find()) {
                time = Double.parseDouble(m.group(1));
                continue;
            }
            if (line.startsWith("# ") || line.length() < 3) {
                continue;
            }
            String body = line.substring(3);
            if (line.startsWith("C: ")) {
                if (pending == null) {
                    pending = new StringBuilder();
                    pendingTime = time;
                    pendingResponses = responses;
                    pendingMessages = messages;
                }
                pending.append(body);
            } else if (line.startsWith("S: ")) {
                if (pending != null) {
                    writes.add(new ClientWrite(pendingTime, pending.toString().getBytes(StandardCharsets.ISO_8859_1),
                            pendingResponses, pendingMessages));
                    pending = null;
                }
                if (banner == null && body.startsWith("Asterisk Call Manager/")) {
                    banner = body.trim();
                    continue;
                }
                serverBytes.append(body);
                if (atMessageStart && body.startsWith("Response: ")) {
                    responses++;
                }
                atMessageStart = body.equals("\r\n");
                if (atMessageStart) {
                    messages++;
                }
            }
        }
        if (pending != null) {
            writes.add(new ClientWrite(pendingTime, pending.toString().getBytes(StandardCharsets.ISO_8859_1),
                    pendingResponses, pendingMessages));
        }
        List<AmiMessage> server = new ArrayList<>();
        for (AmiFrame f : AmiDecoder.withoutBanner().decodeAll(serverBytes.toString().getBytes(StandardCharsets.ISO_8859_1))) {
            if (f instanceof AmiMessage msg) {
                server.add(msg);
            }
        }
        return new Transcript(name, banner, writes, server);
    }

    /**
     * @param drop events the simulator cannot produce (for example leftovers of an earlier recording)
     * @return this transcript without those events; the waits before each client write are recounted
     */
    Transcript without(java.util.function.Predicate<AmiMessage> drop) {
        List<AmiMessage> kept = new ArrayList<>();
        int[] keptBefore = new int[server.size() + 1];
        for (int i = 0; i < server.size(); i++) {
            AmiMessage m = server.get(i);
            boolean dropped = drop.test(m);
            if (dropped && m.type() != MessageType.EVENT) {
                throw new IllegalArgumentException("only events can be dropped, not " + m);
            }
            if (!dropped) {
                kept.add(m);
            }
            keptBefore[i + 1] = kept.size();
        }
        List<ClientWrite> recounted = writes.stream().map(w -> new ClientWrite(w.seconds(), w.bytes(),
                w.responsesBefore(), keptBefore[Math.min(w.messagesBefore(), server.size())])).toList();
        return new Transcript(name, banner, recounted, kept);
    }

    List<AmiMessage> responses() {
        return server.stream().filter(m -> m.type() == MessageType.RESPONSE).toList();
    }
}
