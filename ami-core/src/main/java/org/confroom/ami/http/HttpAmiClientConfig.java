package org.confroom.ami.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.confroom.ami.client.AmiClientConfig;

/**
 * Settings of an {@link HttpAmiClient}: the {@code /rawman} URL, the ordinary
 * {@link AmiClientConfig}, and how long one {@code WaitEvent} poll may wait on the server.
 *
 * <p>Used from the {@link AmiClientConfig}: credentials, MD5 login, event mask, filters,
 * connect/login/action timeouts, reconnect and backoff, event queue and overflow policy, decoder
 * limits, name. Not used: host, port and TLS (the URL decides; {@code https} uses the JDK's default
 * trust store), keepalive and pong timeout (the poller keeps the session alive and notices a dead
 * server by itself).
 *
 * <p>Example:
 * <pre>{@code
 * URI url = URI.create("http://127.0.0.1:8088/rawman");
 * HttpAmiClientConfig config = HttpAmiClientConfig.of(url,
 *         HttpAmiClientConfig.clientConfig(url).credentials("confmgr", secret).build());
 * }</pre>
 */
public final class HttpAmiClientConfig {
    /** Default {@code WaitEvent} timeout: well below Asterisk's {@code httptimeout} (60 s by default). */
    public static final Duration DEFAULT_WAIT_EVENT_TIMEOUT = Duration.ofSeconds(20);

    private final URI rawmanUri;
    private final AmiClientConfig client;
    private final Duration waitEventTimeout;

    private HttpAmiClientConfig(URI rawmanUri, AmiClientConfig client, Duration waitEventTimeout) {
        this.rawmanUri = rawmanUri;
        this.client = client;
        this.waitEventTimeout = waitEventTimeout;
    }

    /**
     * @param rawmanUri the manager URL, for example {@code http://127.0.0.1:8088/rawman}
     *     ({@code https} works the same; Asterisk's {@code /asterisk/rawman} prefix is allowed)
     * @param client credentials, timeouts and event delivery settings
     * @return a config with the default WaitEvent timeout
     * @throws IllegalArgumentException when the URL is not an http(s) URL ending in {@code /rawman}
     */
    public static HttpAmiClientConfig of(URI rawmanUri, AmiClientConfig client) {
        return new HttpAmiClientConfig(checkUri(rawmanUri), Objects.requireNonNull(client, "client"),
                DEFAULT_WAIT_EVENT_TIMEOUT);
    }

    /**
     * Starts an {@link AmiClientConfig} whose host and port come from the URL (they name the client
     * in logs; the connection itself uses the URL).
     *
     * @param rawmanUri the manager URL
     * @return a builder to add credentials and settings to
     */
    public static AmiClientConfig.Builder clientConfig(URI rawmanUri) {
        URI u = checkUri(rawmanUri);
        int port = u.getPort() > 0 ? u.getPort() : (u.getScheme().equalsIgnoreCase("https") ? 443 : 80);
        return AmiClientConfig.builder(u.getHost(), port);
    }

    /**
     * @param timeout how long Asterisk may hold one WaitEvent poll when no event is queued; whole
     *     seconds, 1 s or more. Keep it well below {@code httptimeout} in manager.conf: Asterisk caps it
     *     at about {@code httptimeout - 10} s anyway.
     * @return a copy with this timeout
     */
    public HttpAmiClientConfig withWaitEventTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toSeconds() < 1 || timeout.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("WaitEvent timeout must be a whole number of seconds, at least 1, was " + timeout);
        }
        return new HttpAmiClientConfig(rawmanUri, client, timeout);
    }

    private static URI checkUri(URI uri) {
        Objects.requireNonNull(uri, "rawmanUri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("AMI HTTP URL must start with http:// or https://, was " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("AMI HTTP URL has no host: " + uri);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.endsWith("/rawman")) {
            throw new IllegalArgumentException("AMI HTTP URL must end with /rawman (the plain-text manager), was " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("AMI HTTP URL must not have a query or fragment: " + uri);
        }
        return uri;
    }

    /** @return the {@code /rawman} URL */
    public URI rawmanUri() {
        return rawmanUri;
    }

    /** @return credentials, timeouts and event delivery settings */
    public AmiClientConfig client() {
        return client;
    }

    /** @return how long one WaitEvent poll may wait on the server */
    public Duration waitEventTimeout() {
        return waitEventTimeout;
    }

    @Override
    public String toString() {
        return "HttpAmiClientConfig[" + rawmanUri + ", waitevent " + waitEventTimeout.toSeconds() + " s, " + client + "]";
    }
}
