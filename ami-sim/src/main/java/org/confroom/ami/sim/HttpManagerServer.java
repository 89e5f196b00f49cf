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
 * AMI over HTTP (14, 15, 16, 28): actions as query (or form) parameters; events queued per session and
 * fetched with {@code action=waitevent}. {@code /rawman}, {@code /mxml} and {@code /manager} keep the session
 * in the {@code mansession_id} cookie (set on every answer); {@code /arawman}, {@code /amxml} and
 * {@code /amanager} authenticate every request with HTTP Digest ({@link HttpDigest}) instead. The answers are
 * AMI text, XML or HTML ({@link HttpOutputFormat}). Other paths answer 404.
 */
final class HttpManagerServer implements AutoCloseable {
    /** manager.conf {@code httptimeout}: the cookie's Max-Age; a session unused this long is forgotten. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(60);
    /** Asterisk caps a waitevent 10 s below the session timeout, and waits that long without {@code timeout}. */
    static final Duration MAX_WAIT = SESSION_TIMEOUT.minusSeconds(10);
    private static final Pattern COOKIE = Pattern.compile("mansession_id=\"?([0-9a-fA-F]+)\"?");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a path answers in, and whether it authenticates with Digest instead of the cookie. */
    private record Route(HttpOutputFormat format, boolean digest) {
    }

    private static final Map<String, Route> ROUTES = Map.of(
            "/rawman", new Route(HttpOutputFormat.RAW, false),
            "/mxml", new Route(HttpOutputFormat.XML, false),
            "/manager", new Route(HttpOutputFormat.HTML, false),
            "/arawman", new Route(HttpOutputFormat.RAW, true),
            "/amxml", new Route(HttpOutputFormat.XML, true),
            "/amanager", new Route(HttpOutputFormat.HTML, true));

    private final Supplier<Pbx> pbx;
    private final ActionRegistry actions;
    private final Map<String, HttpManagerSession> sessions = new ConcurrentHashMap<>();
    private final HttpDigest digest = new HttpDigest();
    private final HttpListener listener = new HttpListener(this::handle);

    HttpManagerServer(Supplier<Pbx> pbx, ActionRegistry actions) {
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
        Route route = ROUTES.get(request.path());
        if (route == null) {
            return HttpReply.error(404, "Not Found", "The requested URL was not found on this server.");
        }
        AmiMessage action = toAction(request.params());
        HttpManagerSession session;
        if (route.digest()) {
            Pbx current = pbx.get();
            HttpDigest.Outcome outcome = digest.authorize(request, current.managerConf::user,
                    user -> newSession(current, request, user));
            if (outcome.unauthorized() != null) {
                return outcome.unauthorized();
            }
            session = outcome.session();
        } else {
            session = cookieSession(request);
        }
        byte[] ami;
        if (action.text("Action").equalsIgnoreCase("waitevent") && session.authenticated()) {
            ami = session.waitEvents(action, waitTimeout(action));
        } else {
            ami = session.run(action);
        }
        session.touch();
        if (!session.isOpen()) {
            sessions.remove(session.id);
        }
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Content-type", route.format().contentType});
        if (!route.digest()) {
            headers.add(new String[] {"Set-Cookie", "mansession_id=\"" + session.id + "\"; Version=1; Max-Age="
                    + SESSION_TIMEOUT.toSeconds()});
            headers.add(new String[] {"Pragma", "SuppressEvents"});
        }
        return new HttpReply(200, "OK", headers, route.format().render(ami, action));
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
    private HttpManagerSession cookieSession(HttpRequest request) {
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
        HttpManagerSession s = newSession(pbx.get(), request, null);
        sessions.put(s.id, s);
        return s;
    }

    /** @param user the user a digest authenticated, or null for a cookie session that still has to log in */
    private HttpManagerSession newSession(Pbx current, HttpRequest request, ManagerUser user) {
        HttpManagerSession s = new HttpManagerSession(String.format("%08x", RANDOM.nextInt()), current, actions, request);
        if (user != null) {
            s.login(user);
        }
        current.bus.register(s);
        return s;
    }

    /** Forgets every session, as a restart of Asterisk does. */
    void forgetSessions() {
        sessions.values().forEach(HttpManagerSession::closeAfterFlush);
        sessions.clear();
        digest.forgetSessions();
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
