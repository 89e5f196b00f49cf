package org.confroom.ami.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confroom.ami.codec.DecoderLimits;

/**
 * Sends {@link RawmanRequest}s as HTTP/1.1 GETs on kept-alive connections and decodes the answers.
 * Knows the wire, not the session rules: the caller passes the session id to send back.
 *
 * <p>The session cookie is handled by hand, not by a {@link java.net.CookieHandler}: Asterisk sets
 * {@code Set-Cookie: mansession_id="7924cb8a"; Version=1; Max-Age=60} and expects exactly
 * {@code Cookie: mansession_id="7924cb8a"} back (transcript 14).
 *
 * <p>Wire log (logger {@code org.confroom.ami.wire}, as for TCP): {@code C: GET ...} and
 * {@code S: HTTP 200, n bytes} at DEBUG, the body as {@code S:} lines at TRACE; secrets are masked.
 */
final class RawmanTransport {
    /** The wire logger the TCP client uses too. */
    private static final System.Logger LOG = System.getLogger("org.confroom.ami.wire");
    private static final String COOKIE_NAME = "mansession_id";
    private static final String USER_AGENT = "confroom-ami";

    private final HttpClient http;
    private final URI rawman;
    private final DecoderLimits limits;

    /**
     * @param rawman the {@code /rawman} URL, without query
     * @param connectTimeout TCP (and TLS) connect timeout
     * @param limits decoder bounds for bodies
     */
    RawmanTransport(URI rawman, Duration connectTimeout, DecoderLimits limits) {
        this.rawman = rawman;
        this.limits = limits;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends a request without blocking.
     *
     * @param request the request
     * @param sessionId the session to send back, or empty for a new session (login, challenge)
     * @param timeout how long to wait for the answer
     * @return the decoded answer; fails with the transport's {@link IOException} (wrapped)
     */
    CompletableFuture<RawmanReply> send(RawmanRequest request, String sessionId, Duration timeout) {
        HttpRequest httpRequest = build(request, sessionId, timeout);
        return http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> decode(request, r));
    }

    /**
     * Sends a request and waits for the answer, on the calling thread (the event poller).
     *
     * @throws IOException when the transport fails ({@link java.net.http.HttpTimeoutException} on timeout)
     * @throws InterruptedException when the thread is interrupted (the client is closing)
     */
    RawmanReply sendBlocking(RawmanRequest request, String sessionId, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest httpRequest = build(request, sessionId, timeout);
        return decode(request, http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private HttpRequest build(RawmanRequest request, String sessionId, Duration timeout) {
        URI uri = URI.create(rawman + "?" + request.query());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", USER_AGENT);
        if (!sessionId.isEmpty()) {
            b.header("Cookie", COOKIE_NAME + "=\"" + sessionId + "\"");
        }
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "C: GET " + rawman.getRawPath() + "?" + request.loggableQuery());
        }
        return b.build();
    }

    private RawmanReply decode(RawmanRequest request, HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "S: HTTP " + response.statusCode() + ", " + body.length + " bytes for ActionID "
                    + request.actionId());
        }
        if (LOG.isLoggable(Level.TRACE) && !request.action().equalsIgnoreCase("Challenge")) {
            LOG.log(Level.TRACE, "S: " + new String(body, StandardCharsets.UTF_8).replace("\r\n", "\nS: "));
        }
        return RawmanReply.decode(response.statusCode(), sessionIdOf(response.headers()), body, limits);
    }

    /**
     * @param headers HTTP response headers
     * @return the {@code mansession_id} of a {@code Set-Cookie} header, without quotes
     */
    static Optional<String> sessionIdOf(HttpHeaders headers) {
        for (String cookie : headers.allValues("Set-Cookie")) {
            String c = cookie.trim();
            if (!c.regionMatches(true, 0, COOKIE_NAME + "=", 0, COOKIE_NAME.length() + 1)) {
                continue;
            }
            int end = c.indexOf(';');
            String value = c.substring(COOKIE_NAME.length() + 1, end < 0 ? c.length() : end).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!value.isEmpty() && value.chars().allMatch(RawmanTransport::isCookieOctet)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** RFC 6265 cookie-octet: what may be sent back in a quoted cookie value. */
    private static boolean isCookieOctet(int c) {
        return c > 0x20 && c < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\';
    }
}
