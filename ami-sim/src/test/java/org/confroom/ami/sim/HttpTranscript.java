package org.confroom.ami.sim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confroom.ami.codec.AmiMessage;

/**
 * A recorded HTTP session ({@code 14-}, {@code 28-}) read from its annotated {@code .txt}: each request with
 * the recorded answer to it, and whether it opened a new TCP connection.
 */
final class HttpTranscript {
    private static final Pattern TIME = Pattern.compile("^# \\[\\+([0-9.]+)s\\] (C->S|S->C)");

    /** A request (the recorded bytes, sent at {@code seconds}) and its answer. */
    record Exchange(double seconds, boolean newConnection, byte[] request, HttpAnswer answer) {
        /** @return the request's AMI action, made from its query as the simulator does */
        AmiMessage action() {
            String requestLine = new String(request, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
            String target = requestLine.split(" ")[1];
            return HttpManagerServer.toAction(target.contains("?") ? target.substring(target.indexOf('?') + 1) : "");
        }
    }

    final String name;
    final List<Exchange> exchanges;

    private HttpTranscript(String name, List<Exchange> exchanges) {
        this.name = name;
        this.exchanges = exchanges;
    }

    static HttpTranscript load(String prefix) throws IOException {
        return parse(txt(prefix).getFileName().toString(), Files.readString(txt(prefix), StandardCharsets.ISO_8859_1));
    }

    /** @return the exact client byte stream of the recording ({@code .c2s.raw}) */
    static byte[] recordedClientBytes(String prefix) throws IOException {
        String txt = txt(prefix).toString();
        return Files.readAllBytes(Path.of(txt.substring(0, txt.length() - ".txt".length()) + ".c2s.raw"));
    }

    private static Path txt(String prefix) throws IOException {
        try (var files = Files.list(Transcript.directory())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".txt")).findFirst()
                    .orElseThrow(() -> new IOException("no transcript " + prefix + "*.txt in " + Transcript.directory()));
        }
    }

    static HttpTranscript parse(String name, String text) throws IOException {
        List<Exchange> exchanges = new ArrayList<>();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        double time = 0;
        double requestTime = 0;
        double answerTime = 0;
        boolean newConnection = false;
        boolean requestOnNewConnection = false;
        for (String line : text.split("(?<=\n)")) {
            Matcher m = TIME.matcher(line);
            if (m.find()) {
                time = Double.parseDouble(m.group(1));
            } else if (line.startsWith("# (new TCP connection")) {
                newConnection = true;
            } else if (line.startsWith("C: ")) {
                if (answer.size() > 0) {
                    exchanges.add(exchange(requestTime, requestOnNewConnection, request, answer, answerTime));
                }
                if (request.size() == 0) {
                    requestTime = time;
                    requestOnNewConnection = newConnection;
                    newConnection = false;
                }
                request.writeBytes(line.substring(3).getBytes(StandardCharsets.ISO_8859_1));
            } else if (line.startsWith("S: ")) {
                if (answer.size() == 0) {
                    answerTime = time;
                }
                answer.writeBytes(line.substring(3).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        exchanges.add(exchange(requestTime, requestOnNewConnection, request, answer, answerTime));
        return new HttpTranscript(name, exchanges);
    }

    private static Exchange exchange(double requestTime, boolean newConnection, ByteArrayOutputStream request,
            ByteArrayOutputStream answer, double answerTime) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(answer.toByteArray());
        HttpAnswer a = HttpAnswer.read(in).at(answerTime);
        if (in.available() > 0) {
            throw new IOException("more than one answer to one request");
        }
        Exchange e = new Exchange(requestTime, newConnection, request.toByteArray(), a);
        request.reset();
        answer.reset();
        return e;
    }

    /** @return the recorded answers */
    List<HttpAnswer> answers() {
        return exchanges.stream().map(Exchange::answer).toList();
    }

    /** @return every request, concatenated: the client byte stream */
    byte[] clientBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchanges.forEach(e -> out.writeBytes(e.request()));
        return out.toByteArray();
    }
}
