package org.confroom.ami.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Digest authentication of {@code /arawman}, {@code /amxml} and {@code /amanager} as manager.c's
 * {@code auth_http_callback} does it (16): no cookie; a request without valid credentials gets 401 with a
 * fresh nonce (its opaque is the nonce); a valid digest (qop=auth, MD5) over any nonce opens a session for
 * that user and nonce, later requests on the same nonce must count {@code nc} up, and a nonce older than
 * 62 s or a repeated {@code nc} is answered 401 with a new nonce and {@code stale=true}.
 */
final class HttpDigest {
    static final String REALM = "asterisk";
    private static final Duration NONCE_LIFETIME = Duration.ofSeconds(62);
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session opened by a digest: its user, its current and previous nonce, the last {@code nc}. */
    private static final class DigestSession {
        final HttpManagerSession session;
        final String user;
        String nonce;
        String oldNonce = "";
        long nonceNanos = System.nanoTime();
        long nc;

        DigestSession(HttpManagerSession session, String user, String nonce) {
            this.session = session;
            this.user = user;
            this.nonce = nonce;
        }
    }

    /** Either the session to run the request in, or the 401 to answer. */
    record Outcome(HttpManagerSession session, HttpReply unauthorized) {
    }

    private final List<DigestSession> sessions = new CopyOnWriteArrayList<>();

    /**
     * @param users the manager users by name
     * @param newSession makes a session for a new nonce (logged in as the user)
     */
    synchronized Outcome authorize(HttpRequest request, Function<String, Optional<ManagerUser>> users,
            Function<ManagerUser, HttpManagerSession> newSession) {
        sessions.removeIf(s -> !s.session.isOpen() || s.session.idleLongerThan(HttpManagerServer.SESSION_TIMEOUT));
        String authorization = request.header("Authorization");
        if (!authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return unauthorized(newNonce(), false);
        }
        Map<String, String> d = parse(authorization.substring(7));
        String nonce = d.getOrDefault("nonce", "");
        Optional<ManagerUser> user = users.apply(d.getOrDefault("username", ""));
        if (!nonce.matches("[0-9a-fA-F]{1,16}") || user.isEmpty()
                || !expectedResponse(user.get(), request.method(), d).equalsIgnoreCase(d.getOrDefault("response", ""))) {
            return unauthorized(newNonce(), false);
        }
        String nonceKey = String.format("%08x", Long.parseUnsignedLong(nonce, 16));
        for (DigestSession s : sessions) {
            if (!s.user.equalsIgnoreCase(user.get().name())) {
                continue;
            }
            if (s.oldNonce.equals(nonceKey)) {
                return unauthorized(s.nonce, true);
            }
            if (s.nonce.equals(nonceKey)) {
                long nc = parseHex(d.getOrDefault("nc", "0"));
                if (s.nc >= nc || System.nanoTime() - s.nonceNanos > NONCE_LIFETIME.toNanos()) {
                    s.nc = 0;
                    s.oldNonce = s.nonce;
                    s.nonce = newNonce();
                    s.nonceNanos = System.nanoTime();
                    return unauthorized(s.nonce, true);
                }
                s.nc = nc;
                s.session.touch();
                return new Outcome(s.session, null);
            }
        }
        DigestSession s = new DigestSession(newSession.apply(user.get()), user.get().name(), nonceKey);
        sessions.add(s);
        return new Outcome(s.session, null);
    }

    /** Forgets every session (restart, close). */
    void forgetSessions() {
        sessions.forEach(s -> s.session.closeAfterFlush());
        sessions.clear();
    }

    private static Outcome unauthorized(String nonce, boolean stale) {
        return new Outcome(null, HttpReply.error(401, "Unauthorized", "", new String[] {"WWW-authenticate",
                "Digest algorithm=MD5, realm=\"" + REALM + "\", nonce=\"" + nonce + "\", qop=\"auth\", opaque=\""
                        + nonce + "\"" + (stale ? ", stale=true" : "")}));
    }

    /** RFC 2617 with qop=auth, RFC 2069 without qop; A2 is the method and the uri the client names. */
    private static String expectedResponse(ManagerUser user, String method, Map<String, String> d) {
        String a1 = md5Hex(user.name() + ":" + REALM + ":" + user.secret());
        String a2 = md5Hex(method + ":" + d.getOrDefault("uri", ""));
        long nonce = parseHex(d.getOrDefault("nonce", "0"));
        String response = d.containsKey("qop")
                ? String.format("%s:%08x:%s:%s:auth:%s", a1, nonce, d.getOrDefault("nc", ""),
                        d.getOrDefault("cnonce", ""), a2)
                : String.format("%s:%08x:%s", a1, nonce, a2);
        return md5Hex(response);
    }

    private static Map<String, String> parse(String params) {
        Map<String, String> out = new HashMap<>();
        Matcher m = PARAM.matcher(params);
        while (m.find()) {
            out.putIfAbsent(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    private static long parseHex(String s) {
        try {
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String newNonce() {
        return String.format("%08x", RANDOM.nextInt());
    }

    private static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
