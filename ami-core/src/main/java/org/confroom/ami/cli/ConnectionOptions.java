package org.confroom.ami.cli;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.http.HttpAmiClientConfig;

/**
 * Where and as whom the {@code ami} tool connects: options, else the {@code AMI_*} environment,
 * else defaults. The secret is not here: it never comes from the command line.
 *
 * @param host {@code --host}, {@code AMI_HOST}, 127.0.0.1
 * @param port {@code --port}, {@code AMI_PORT}, 5038
 * @param user {@code --user}, {@code AMI_USER}
 * @param md5 {@code --md5}: Challenge/MD5 login, the secret does not cross the wire
 * @param tls {@code --tls}: TCP with TLS
 * @param rawmanUrl {@code --http URL}: use the HTTP manager instead of TCP
 * @param timeout {@code --timeout SECONDS} (default 10): connect, login and action timeout
 */
record ConnectionOptions(String host, int port, String user, boolean md5, boolean tls, Optional<URI> rawmanUrl,
                         Duration timeout) {
    /** Default for {@code --timeout}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param secret the manager secret
     * @param eventMask the event mask the command needs
     * @return the client configuration; no reconnect, a command line tool fails fast
     */
    AmiClientConfig clientConfig(String secret, String eventMask) {
        AmiClientConfig.Builder b = rawmanUrl.map(HttpAmiClientConfig::clientConfig)
                .orElseGet(() -> AmiClientConfig.builder(host, port));
        return b.credentials(user, secret).md5(md5).tls(tls).eventMask(eventMask).reconnect(false)
                .connectTimeout(timeout).loginTimeout(timeout).actionTimeout(timeout).name("ami-cli").build();
    }

    /** @return where the tool connects, for messages */
    String target() {
        return rawmanUrl.map(URI::toString).orElse((tls ? "tls://" : "") + host + ":" + port);
    }
}
