package org.confroom.ami.cli;

import java.net.URI;
import java.util.Optional;

import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.TcpAmiClient;
import org.confroom.ami.http.HttpAmiClient;
import org.confroom.ami.http.HttpAmiClientConfig;

/** Creates the client the {@code ami} tool talks through; tests pass a fake. */
@FunctionalInterface
public interface ClientFactory {
    /** TCP ({@link TcpAmiClient}) unless a {@code /rawman} URL is given ({@link HttpAmiClient}). */
    ClientFactory DEFAULT = (config, rawmanUrl) -> rawmanUrl.isPresent()
            ? new HttpAmiClient(HttpAmiClientConfig.of(rawmanUrl.get(), config))
            : new TcpAmiClient(config);

    /**
     * @param config credentials, event mask and timeouts from the command line
     * @param rawmanUrl the {@code --http} URL, empty for TCP
     * @return a client, not connected yet
     */
    AmiClient create(AmiClientConfig config, Optional<URI> rawmanUrl);
}
