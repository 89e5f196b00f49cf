package org.confroom.conference.live;

import java.time.Duration;
import java.util.Map;

import org.confroom.conference.config.ConfroomConfig;
import org.confroom.conference.pbx.PbxConnection;
import org.confroom.conference.pbx.PbxGateway;
import org.confroom.conference.pbx.StandalonePbx;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The service's live state ({@link LiveRooms} over {@link PbxConnection}, the real {@code TcpAmiClient})
 * without Quarkus or a database, for the benchmarks and their smoke tests: the application's classes wired
 * by hand in the order the application starts them (listeners first, then the connection).
 */
public final class StandaloneLive implements AutoCloseable {
    private final StandalonePbx pbx;
    private final LiveRooms rooms = new LiveRooms();

    /**
     * Builds the configuration mapping from {@code confroom.*} properties over the defaults.
     *
     * @param properties e.g. {@code confroom.pbx.port}, {@code confroom.pbx.username}
     * @return the mapping, as the application would see it
     */
    public static ConfroomConfig config(Map<String, String> properties) {
        SmallRyeConfig c = new SmallRyeConfigBuilder().withMapping(ConfroomConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // "10s", as in Quarkus
                .withDefaultValues(properties).build();
        return c.getConfigMapping(ConfroomConfig.class);
    }

    /** Wires and starts it: the connection connects in the background. */
    public StandaloneLive(ConfroomConfig config) {
        pbx = new StandalonePbx(config);
        rooms.connection = pbx.connection();
        rooms.gateway = pbx.gateway();
        rooms.config = config;
        rooms.init();
        rooms.onStart(new StartupEvent());
        pbx.connection().start();
    }

    /** @return the live state */
    public LiveRooms rooms() {
        return rooms;
    }

    /** @return the PBX connection under it */
    public PbxConnection connection() {
        return pbx.connection();
    }

    /** @return the gateway (actions with mapped failures) */
    public PbxGateway gateway() {
        return pbx.gateway();
    }

    @Override
    public void close() {
        pbx.connection().stop();
        rooms.stop();
    }
}
