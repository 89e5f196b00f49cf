package org.confroom.ami.sim;

import java.util.Objects;

/**
 * A simulated Asterisk 22.10.1 speaking AMI on 127.0.0.1, faithful to the recorded sessions in
 * {@code ami-transcripts}. Embed it in tests:
 *
 * <pre>{@code
 * try (AmiSimulator sim = AmiSimulator.start(SimConfig.ephemeral())) {
 *     connect to 127.0.0.1:sim.port() ...
 * }
 * }</pre>
 *
 * or run it on its own with {@code bin/ami-sim}. Thread-safe.
 */
public final class AmiSimulator implements AutoCloseable {
    private final SimConfig config;
    private final ActionRegistry actions = new ActionRegistry();
    private final Faults faults = new Faults();
    private final OriginateLedger originates = new OriginateLedger();
    private final WireInspector wire = new WireInspector();
    private final ManagerServer server;
    private final SimControls controls;
    private final HttpManagerServer http;
    private volatile Pbx pbx;

    private AmiSimulator(SimConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        SessionActions.register(actions);
        OriginateAction.register(actions);
        RedirectAction.register(actions);
        ChannelActions.register(actions);
        ConfbridgeActions.register(actions);
        SystemActions.register(actions);
        this.pbx = newPbx(config.firstChannelSequence());
        this.server = new ManagerServer(() -> pbx, actions, faults, wire);
        this.controls = new SimControls(this);
        this.http = config.httpPort() >= 0 ? new HttpManagerServer(() -> pbx, actions) : null;
    }

    /**
     * Starts a simulator and returns once it accepts connections.
     *
     * @throws java.io.UncheckedIOException if a port cannot be bound
     */
    public static AmiSimulator start(SimConfig config) {
        AmiSimulator sim = new AmiSimulator(config);
        sim.server.listen(config.port());
        if (sim.http != null) {
            sim.http.start(config.httpPort());
        }
        return sim;
    }

    /** @return the AMI TCP port on 127.0.0.1 */
    public int port() {
        return server.port();
    }

    /** @return the HTTP port of the manager ({@code /rawman}, {@code /mxml}, ...), or -1 when HTTP is disabled */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** @return fault injection, restart and test hooks */
    public SimControls controls() {
        return controls;
    }

    SimConfig config() {
        return config;
    }

    ManagerServer server() {
        return server;
    }

    Faults faults() {
        return faults;
    }

    WireInspector wire() {
        return wire;
    }

    Pbx pbx() {
        return pbx;
    }

    /** Replaces the simulated process by a fresh one (restart): all state is gone. */
    OriginateLedger originates() {
        return originates;
    }

    Pbx replacePbx() {
        Pbx old = pbx;
        pbx = newPbx(0);
        pbx.booted = false;
        originates.pbxRestarted();
        if (http != null) {
            http.forgetSessions();
        }
        old.close();
        return pbx;
    }

    private Pbx newPbx(int firstSequence) {
        return new Pbx(config.timing(), firstSequence, config.managerConf(), config.manualClock(), originates);
    }

    /** Stops listening, drops every connection and stops the PBX thread. */
    @Override
    public void close() {
        server.close();
        if (http != null) {
            http.close();
        }
        pbx.close();
    }
}
