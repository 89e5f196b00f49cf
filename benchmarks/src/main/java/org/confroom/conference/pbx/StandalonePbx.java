package org.confroom.conference.pbx;

import org.confroom.conference.config.ConfroomConfig;

/**
 * The service's PBX connection and gateway without a CDI container, for the benchmarks: the same classes
 * the application runs, wired by hand (this class sits in their package to set the injected fields).
 */
public final class StandalonePbx {
    private final PbxConnection connection = new PbxConnection();
    private final PbxGateway gateway = new PbxGateway();

    /** @param config the configuration (see {@link org.confroom.conference.live.StandaloneLive#config}) */
    public StandalonePbx(ConfroomConfig config) {
        connection.config = config;
        gateway.connection = connection;
        gateway.config = config;
    }

    /** @return the connection (not started) */
    public PbxConnection connection() {
        return connection;
    }

    /** @return the gateway over that connection */
    public PbxGateway gateway() {
        return gateway;
    }
}
