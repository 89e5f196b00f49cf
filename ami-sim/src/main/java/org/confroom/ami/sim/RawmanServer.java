package org.confroom.ami.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confroom.ami.codec.AmiMessage;

/**
 * AMI over HTTP at {@code /rawman} (14, 28): actions as query parameters, the session in the
 * {@code mansession_id} cookie (set on every answer), events queued per session and fetched with
 * {@code action=waitevent}. Other paths answer 404.
 */
final class RawmanServer implements AutoCloseable {
    /** manager.conf {@code httptimeout}: the cookie's Max-Age; a session unused this long is forgotten. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(60);
    /** Asterisk caps a waitevent 10 s below the session timeout, and waits that long without {@code timeout}. */
    static final Duration MAX_WAIT = SESSION_TIMEOUT.minusSeconds(10);
    private static final Pattern COOKIE = Pattern.compile("mansession_id=\"?([0-9a-fA-F]+)\"?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<Pbx> pbx;
    private final ActionRegistry actions;
    private final Map<String, HttpManagerSession> sessions = new ConcurrentHashMap<>();
    private final HttpListener listener = new HttpListener(this::handle);

    RawmanServer(Supplier<Pbx> pbx, ActionRegistry actions) {
        this.pbx = pbx;
        this.actions = actions;
    }

    void start(int port) {
        listener.start(port);
    }

    int port() {
        return listener.port();
    }

    private HttpReply handle(HttpRequest request) {
        if (!request.path().equals("/rawman")) {
            return HttpReply.error(404, "Not Found", "The requested URL was not found on this server.");
        }
        AmiMessage action = toAction(request.params());
        HttpManagerSession session = session(request);
        byte[] body;
        if (action.text("Action").equalsIgnoreCase("waitevent") && session.authenticated()) {
            body = session.waitEvents(action, waitTimeout(action));
        } else {
            body = session.run(action);
        }
        session.touch();
        if (!session.isOpen()) {
            sessions.remove(session.id);
        }
        return new HttpReply(200, "OK", List.of(
                new String[] {"Content-type", "text/plain"},
                new String[] {"Set-Cookie", "mansession_id=\"" + session.id + "\"; Version=1; Max-Age="
                        + SESSION_TIMEOUT.toSeconds()},
                new String[] {"Pragma", "SuppressEvents"}), body);
    }

    /** @return the {@code timeout} parameter (seconds, at most {@link #MAX_WAIT}) on the simulated clock */
    private Duration waitTimeout(AmiMessage action) {
        Duration wait = MAX_WAIT;
        try {
            long seconds = Long.parseLong(action.text("Timeout").trim());
            if (seconds >= 0 && seconds < MAX_WAIT.toSeconds()) {
                wait = Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // no or a bad timeout: the longest wait, as Asterisk does
        }
        return Duration.ofMillis(pbx.get().timing.scaledMillis(wait));
    }

    /** @return the session of the request's cookie, or a new one (a dead cookie gets a new one too, 14) */
    private HttpManagerSession session(HttpRequest request) {
        sessions.values().removeIf(s -> {
            boolean expired = s.idleLongerThan(SESSION_TIMEOUT);
            if (expired) {
                s.closeAfterFlush();
            }
            return expired;
        });
        Matcher m = COOKIE.matcher(request.header("Cookie"));
        if (m.find()) {
            HttpManagerSession s = sessions.get(m.group(1));
            if (s != null) {
                s.touch();
                return s;
            }
        }
        Pbx current = pbx.get();
        HttpManagerSession s = new HttpManagerSession(String.format("%08x", RANDOM.nextInt()), current, actions, request);
        sessions.put(s.id, s);
        current.bus.register(s);
        return s;
    }

    /** Forgets every session, as a restart of Asterisk does. */
    void forgetSessions() {
        sessions.values().forEach(HttpManagerSession::closeAfterFlush);
        sessions.clear();
    }

    /** Query parameters become headers; {@code action} is put first as {@code Action}. */
    static AmiMessage toAction(String params) {
        String action = "";
        List<String[]> rest = new ArrayList<>();
        if (params != null && !params.isEmpty()) {
            for (String pair : params.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equalsIgnoreCase("action") && action.isEmpty()) {
                    action = value;
                } else if (!key.isEmpty()) {
                    rest.add(new String[] {key, value});
                }
            }
        }
        AmiMessage.Builder b = AmiMessage.builder().add("Action", action);
        rest.forEach(kv -> b.add(kv[0], kv[1]));
        return b.build();
    }

    @Override
    public void close() {
        listener.close();
        forgetSessions();
    }
}
