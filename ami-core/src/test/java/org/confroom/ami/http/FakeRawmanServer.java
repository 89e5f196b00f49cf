package org.confroom.ami.http;

import static org.confroom.ami.http.RawmanTranscripts.LOGIN_OK;
import static org.confroom.ami.http.RawmanTranscripts.LOGOFF;
import static org.confroom.ami.http.RawmanTranscripts.PERMISSION_DENIED;
import static org.confroom.ami.http.RawmanTranscripts.PING;
import static org.confroom.ami.http.RawmanTranscripts.SESSION_14;
import static org.confroom.ami.http.RawmanTranscripts.SESSION_14_NEW;
import static org.confroom.ami.http.RawmanTranscripts.WAITEVENT_EMPTY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.confroom.ami.action.Challenge;
import org.confroom.ami.client.AmiClientConfig;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Asterisk HTTP manager on 127.0.0.1: answers {@code /rawman} with the bodies of transcripts
 * 14 and 28 and the same response headers, keeps one manager session named by a cookie, adds the
 * ActionID where Asterisk puts it, and records every request as Asterisk would parse it.
 */
final class FakeRawmanServer implements AutoCloseable {
    static final String USER = "admin";
    static final String SECRET = "admin-secret";
    static final String CHALLENGE = "761538416";

    /**
     * A request as Asterisk sees it.
     *
     * @param params query parameters in order, decoded like Asterisk ({@code +} is a space)
     * @param cookie the {@code Cookie} header, or empty
     */
    record Request(List<Map.Entry<String, String>> params, String cookie) {
        /** @return the lower-cased action */
        String action() {
            return param("action").orElse("").toLowerCase(Locale.ROOT);
        }

        /** @return the first value of a parameter, key compared case-insensitively as Asterisk does */
        Optional<String> param(String key) {
            return params.stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst();
        }

        /** @return every value of a parameter */
        List<String> all(String key) {
            return params.stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).toList();
        }

        /** @return the parameter keys in order */
        List<String> keys() {
            return params.stream().map(Map.Entry::getKey).toList();
        }

        String actionId() {
            return param("actionid").orElse("");
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Bodies for actions other than login, challenge, waitevent and logoff, by lower-cased action. */
    final Map<String, Function<Request, String>> scripts = new ConcurrentHashMap<>();
    /** Bodies the next waitevent polls return, in order; an empty queue holds the poll for its timeout. */
    final BlockingQueue<String> polls = new LinkedBlockingQueue<>();
    /** Actions that are never answered. */
    final Set<String> hang = ConcurrentHashMap.newKeySet();
    /** Actions on which the server goes away after reading the request, without an answer. */
    final Set<String> dieOn = ConcurrentHashMap.newKeySet();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-rawman");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String session = "";
    private volatile String challengeSession = "";
    private volatile String nextSession = SESSION_14;
    private volatile String originateActionId = "";

    FakeRawmanServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/rawman", this::handle);
        scripts.put("ping", r -> PING);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rawman");
    }

    /** A client configuration for this server: admin, short backoff, 1 s WaitEvent. */
    HttpAmiClientConfig config() {
        return config(b -> b);
    }

    HttpAmiClientConfig config(Function<AmiClientConfig.Builder, AmiClientConfig.Builder> tweak) {
        AmiClientConfig.Builder b = HttpAmiClientConfig.clientConfig(url()).credentials(USER, SECRET)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).name("http-test");
        return HttpAmiClientConfig.of(url(), tweak.apply(b).build()).withWaitEventTimeout(Duration.ofSeconds(1));
    }

    List<Request> requests(String action) {
        return requests.stream().filter(r -> r.action().equalsIgnoreCase(action)).toList();
    }

    /** The session dies on the server side (as after {@code httptimeout}); the next request gets Permission denied. */
    void expireSession(String next) {
        session = "";
        nextSession = next;
    }

    String session() {
        return session;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request r = new Request(parseQuery(exchange.getRequestURI().getRawQuery()),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Cookie")).orElse(""));
        requests.add(r);
        String action = r.action();
        if (dieOn.contains(action)) {
            new Thread(() -> server.stop(0), "fake-rawman-stop").start();
            awaitClose();
            return;
        }
        if (hang.contains(action)) {
            awaitClose();
            return;
        }
        String cookieSession = sessionOf(r.cookie());
        String body;
        String setCookie;
        if (action.equals("login")) {
            boolean md5 = r.param("authtype").map("md5"::equalsIgnoreCase).orElse(false);
            boolean ok = r.param("username").map(USER::equals).orElse(false) && (md5
                    ? cookieSession.equals(challengeSession) && r.param("key").map(Challenge.md5Key(CHALLENGE, SECRET)::equals).orElse(false)
                    : r.param("secret").map(SECRET::equals).orElse(false));
            if (ok) {
                session = md5 ? challengeSession : nextSession;
                body = LOGIN_OK;
                setCookie = session;
            } else {
                body = "Response: Error\r\nMessage: Authentication failed\r\n\r\n"; // as over TCP, transcript 02
                setCookie = "0badc0de";
            }
        } else if (action.equals("challenge")) {
            challengeSession = nextSession;
            body = "Response: Success\r\nChallenge: " + CHALLENGE + "\r\n\r\n";
            setCookie = challengeSession;
        } else if (session.isEmpty() || !cookieSession.equals(session)) {
            body = PERMISSION_DENIED;
            setCookie = SESSION_14_NEW;
        } else if (action.equals("waitevent")) {
            body = waitEvent(Integer.parseInt(r.param("timeout").orElse("30")));
            setCookie = session;
        } else if (action.equals("logoff")) {
            body = LOGOFF;
            setCookie = session;
            session = "";
        } else {
            if (action.equals("originate")) {
                originateActionId = r.actionId();
            }
            Function<Request, String> script = scripts.get(action);
            body = script != null ? script.apply(r)
                    : "Response: Error\r\nMessage: Invalid/unknown command: " + r.param("action").orElse("")
                            + ". Use Action: ListCommands to show available commands.\r\n\r\n";
            setCookie = session;
        }
        byte[] bytes = withActionIds(body, r.actionId()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Server", "Asterisk");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache, no-store");
        exchange.getResponseHeaders().add("Content-type", "text/plain");
        exchange.getResponseHeaders().add("Set-Cookie", "mansession_id=\"" + setCookie + "\"; Version=1; Max-Age=60");
        exchange.getResponseHeaders().add("Pragma", "SuppressEvents");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String waitEvent(int timeoutSeconds) {
        try {
            String body = polls.poll(timeoutSeconds, TimeUnit.SECONDS);
            return body == null ? WAITEVENT_EMPTY : body;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WAITEVENT_EMPTY;
        }
    }

    private void awaitClose() {
        try {
            closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Adds the ActionID where Asterisk writes it: after the first line of the response, of list
     * items and of WaitEventComplete (they carry no Privilege), and after the Privilege line of the
     * OriginateResponse of the last Originate.
     */
    private String withActionIds(String body, String actionId) {
        if (actionId.isEmpty()) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length() + 64);
        for (String message : body.split("\r\n\r\n")) {
            if (message.isEmpty()) {
                continue;
            }
            int firstEnd = message.indexOf("\r\n");
            String first = firstEnd < 0 ? message : message.substring(0, firstEnd);
            String rest = firstEnd < 0 ? "" : message.substring(firstEnd);
            if (first.startsWith("Event: OriginateResponse") && !originateActionId.isEmpty()) {
                int privilegeEnd = message.indexOf("\r\n", firstEnd + 2);
                out.append(message, 0, privilegeEnd).append("\r\nActionID: ").append(originateActionId)
                        .append(message.substring(privilegeEnd));
            } else if (first.startsWith("Response:") || (first.startsWith("Event:") && !message.contains("\r\nPrivilege:"))) {
                out.append(first).append("\r\nActionID: ").append(actionId).append(rest);
            } else {
                out.append(message);
            }
            out.append("\r\n\r\n");
        }
        return out.toString();
    }

    private static String sessionOf(String cookie) {
        String prefix = "mansession_id=\"";
        return cookie.startsWith(prefix) && cookie.endsWith("\"") ? cookie.substring(prefix.length(), cookie.length() - 1) : "";
    }

    /** Splits and decodes a query the way Asterisk's {@code ast_http_get_get_vars} does. */
    static List<Map.Entry<String, String>> parseQuery(String rawQuery) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(Map.entry(decode(key), decode(value)));
        }
        return params;
    }

    private static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
