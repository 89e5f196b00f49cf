package org.confroom.ami.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confroom.ami.codec.AmiMessage;

/**
 * AMI over HTTP at {@code /rawman} (14, 28): actions as query parameters, the session in the
 * {@code mansession_id} cookie, events queued per session and fetched with {@code action=waitevent}, which
 * returns as soon as at least one event is queued or after {@code timeout} seconds.
 */
final class RawmanServer implements AutoCloseable {
    private static final Pattern COOKIE = Pattern.compile("mansession_id=\"?([0-9a-fA-F]+)\"?");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] WAIT_DONE = "Event: WaitEventComplete\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<Pbx> pbx;
    private final ActionRegistry actions;
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private HttpServer server;

    RawmanServer(Supplier<Pbx> pbx, ActionRegistry actions) {
        this.pbx = pbx;
        this.actions = actions;
    }

    void start(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for HTTP on 127.0.0.1:" + port, e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ami-sim-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/rawman", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            AmiMessage request = toAction(ex.getRequestURI().getRawQuery());
            HttpSession session = session(ex);
            byte[] body;
            if (request.text("Action").equalsIgnoreCase("waitevent") && session.authenticated()) {
                body = session.waitEvents(timeoutSeconds(request));
            } else {
                body = session.run(request);
            }
            if (!session.open) {
                sessions.remove(session.id);
            }
            var h = ex.getResponseHeaders();
            h.add("Server", "Asterisk");
            h.add("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
            h.add("Cache-Control", "no-cache, no-store");
            h.add("Content-type", "text/plain");
            h.add("Set-Cookie", "mansession_id=\"" + session.id + "\"; Version=1; Max-Age=60");
            h.add("Pragma", "SuppressEvents");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    private static long timeoutSeconds(AmiMessage request) {
        try {
            return Long.parseLong(request.text("Timeout").trim());
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    private HttpSession session(HttpExchange ex) {
        String cookie = ex.getRequestHeaders().getFirst("Cookie");
        if (cookie != null) {
            Matcher m = COOKIE.matcher(cookie);
            if (m.find() && sessions.containsKey(m.group(1))) {
                return sessions.get(m.group(1));
            }
        }
        HttpSession s = new HttpSession(String.format("%08x", RANDOM.nextInt()), ex);
        sessions.put(s.id, s);
        pbx.get().bus.register(s);
        return s;
    }

    /** Query parameters become headers; {@code action} is put first as {@code Action}. */
    static AmiMessage toAction(String rawQuery) {
        AmiMessage.Builder b = AmiMessage.builder();
        String action = "";
        StringBuilder rest = new StringBuilder();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equalsIgnoreCase("action") && action.isEmpty()) {
                    action = value;
                } else if (!key.isEmpty()) {
                    rest.append(key).append('\n').append(value).append('\n');
                }
            }
        }
        b.add("Action", action);
        String[] kv = rest.toString().split("\n", -1);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            b.add(kv[i], kv[i + 1]);
        }
        return b.build();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** An HTTP manager session: responses go to the current HTTP answer, events wait for waitevent. */
    private final class HttpSession extends ManagerSession {
        final String id;
        private final String local;
        private final String remote;
        private final ByteArrayOutputStream responses = new ByteArrayOutputStream();
        private final ByteArrayOutputStream events = new ByteArrayOutputStream();
        volatile boolean open = true;

        HttpSession(String id, HttpExchange ex) {
            this.id = id;
            this.local = "IPV4/TCP/127.0.0.1/" + ex.getLocalAddress().getPort();
            this.remote = "IPV4/TCP/127.0.0.1/" + ex.getRemoteAddress().getPort();
        }

        byte[] run(AmiMessage request) {
            ActionContext ctx = new ActionContext(request, this, pbx.get());
            pbx.get().execute(() -> actions.dispatch(ctx));
            try {
                ctx.done().get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("action over HTTP did not complete", e);
            }
            synchronized (this) {
                byte[] out = responses.toByteArray();
                responses.reset();
                return out;
            }
        }

        synchronized byte[] waitEvents(long timeoutSeconds) {
            long deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
            try {
                while (events.size() == 0 && System.currentTimeMillis() < deadline) {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("Response: Success\r\nMessage: Waiting for Event completed.\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(events.toByteArray());
            body.writeBytes(WAIT_DONE);
            events.reset();
            return body.toByteArray();
        }

        @Override
        synchronized void write(byte[] bytes) {
            responses.writeBytes(bytes);
        }

        @Override
        synchronized void writeEvent(byte[] bytes) {
            events.writeBytes(bytes);
            notifyAll();
        }

        @Override
        void closeAfterFlush() {
            open = false;
            pbx.get().bus.unregister(this);
        }

        @Override
        String localAddress() {
            return local;
        }

        @Override
        String remoteAddress() {
            return remote;
        }
    }
}
