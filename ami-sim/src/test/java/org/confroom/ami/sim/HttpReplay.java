package org.confroom.ami.sim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays the client side of an HTTP transcript over plain sockets speaking HTTP/1.1: the recorded request
 * bytes, on one kept-alive connection until the recording opened a new one, each sent the recorded time
 * after the previous answer (times the scale), with the recorded cookie replaced by the one the simulator set.
 */
final class HttpReplay {
    /**
     * Time scale of HTTP replays. Over HTTP the client cannot wait for an event before its next request (it
     * only sees events in the next waitevent), so the recorded spacing must hold: 0.25 leaves 0.15 s between
     * the kicked member's hangup and the waitevent that fetches it in 28.
     */
    static final double SCALE = 0.25;
    private static final Pattern COOKIE = Pattern.compile("mansession_id=\"([0-9a-f]+)\"");

    /**
     * The simulator's answers (with the time they arrived), when each request was sent, and whether the
     * connection was closed after each answer that the recording shows closing.
     */
    record Result(List<HttpAnswer> answers, List<Double> sent, List<Boolean> closedAfter) {
    }

    private HttpReplay() {
    }

    static SimConfig.Builder config() {
        return SimConfig.builder().port(0).httpPort(0).timing(SimTiming.recorded().withScale(SCALE));
    }

    static Result run(HttpTranscript t, int port) throws IOException, InterruptedException {
        Map<String, String> cookies = new HashMap<>();
        List<HttpAnswer> answers = new ArrayList<>();
        List<Double> sent = new ArrayList<>();
        List<Boolean> closedAfter = new ArrayList<>();
        long start = System.nanoTime();
        long anchor = start;
        double anchorRecorded = 0;
        Socket socket = null;
        InputStream in = null;
        try {
            for (HttpTranscript.Exchange e : t.exchanges) {
                if (socket == null || e.newConnection()) {
                    close(socket);
                    socket = new Socket(InetAddress.getLoopbackAddress(), port);
                    socket.setTcpNoDelay(true);
                    in = new BufferedInputStream(socket.getInputStream());
                }
                sleepUntil(anchor + (long) ((e.seconds() - anchorRecorded) * SCALE * 1e9));
                socket.getOutputStream().write(withCookies(e.request(), cookies));
                sent.add((System.nanoTime() - start) / 1e9);
                HttpAnswer got = HttpAnswer.read(in);
                got = got.at((System.nanoTime() - start) / 1e9);
                answers.add(got);
                learnCookie(e.answer(), got, cookies);
                anchor = System.nanoTime();
                anchorRecorded = e.answer().seconds();
                boolean closes = e.answer().header("Connection").equals("close");
                if (closes) {
                    socket.setSoTimeout(2000);
                    closedAfter.add(in.read() < 0);
                    close(socket);
                    socket = null;
                } else {
                    closedAfter.add(false);
                }
            }
        } finally {
            close(socket);
        }
        return new Result(answers, sent, closedAfter);
    }

    /** Rewrites {@code Cookie: mansession_id="<recorded>"} to the simulator's session of that recording. */
    private static byte[] withCookies(byte[] request, Map<String, String> cookies) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        Matcher m = COOKIE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String simulated = cookies.getOrDefault(m.group(1), m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement("mansession_id=\"" + simulated + "\""));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void learnCookie(HttpAnswer recorded, HttpAnswer simulated, Map<String, String> cookies) {
        Matcher r = COOKIE.matcher(recorded.header("Set-Cookie"));
        Matcher s = COOKIE.matcher(simulated.header("Set-Cookie"));
        if (r.find() && s.find()) {
            cookies.putIfAbsent(r.group(1), s.group(1));
        }
    }

    private static void sleepUntil(long due) throws InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static void close(Socket s) throws IOException {
        if (s != null) {
            s.close();
        }
    }
}
