package org.confroom.ami.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to start an {@link AmiSimulator}: ports, AMI users, timing and the first channel sequence number.
 * Immutable; build it with {@link #builder()}.
 */
public final class SimConfig {
    private final int port;
    private final int httpPort;
    private final ManagerConf managerConf;
    private final SimTiming timing;
    private final int firstChannelSequence;
    private final boolean manualClock;

    private SimConfig(Builder b) {
        this.manualClock = b.manualClock;
        this.port = b.port;
        this.httpPort = b.httpPort;
        this.managerConf = b.managerConf;
        this.timing = b.timing;
        this.firstChannelSequence = b.firstChannelSequence;
    }

    /** @return a builder with the recorded defaults: port 5038, no HTTP, admin and confmgr, recorded timing */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a configuration for tests: ephemeral AMI port, no HTTP, recorded users and timing */
    public static SimConfig ephemeral() {
        return builder().port(0).build();
    }

    int port() {
        return port;
    }

    int httpPort() {
        return httpPort;
    }

    ManagerConf managerConf() {
        return managerConf;
    }

    SimTiming timing() {
        return timing;
    }

    int firstChannelSequence() {
        return firstChannelSequence;
    }

    boolean manualClock() {
        return manualClock;
    }

    /** Collects the settings of a {@link SimConfig}. */
    public static final class Builder {
        private int port = 5038;
        private int httpPort = -1;
        private ManagerConf managerConf = ManagerConf.recorded();
        private SimTiming timing = SimTiming.recorded();
        private int firstChannelSequence;
        private boolean manualClock;

        private Builder() {
        }

        /**
         * @param on true for the deterministic clock mode: the PBX's timers (ring, answer, prompts, DTMF,
         *     hangup trails, the login failure delay) wait until {@link SimControls#advance} moves virtual
         *     time past them; network-level waits (restart windows, HTTP waitevent, the slow writer) stay real
         */
        public Builder manualClock(boolean on) {
            this.manualClock = on;
            return this;
        }

        /** @param p AMI TCP port on 127.0.0.1; 0 picks a free one */
        public Builder port(int p) {
            this.port = checkPort(p);
            return this;
        }

        /** @param p HTTP port of the manager ({@code /rawman}, {@code /mxml}, ...) on 127.0.0.1; 0 picks a free one, -1 disables HTTP */
        public Builder httpPort(int p) {
            this.httpPort = p < 0 ? -1 : checkPort(p);
            return this;
        }

        /** Replaces the recorded users by these (the {@code [general]} section stays as recorded). */
        public Builder users(List<ManagerUser> users) {
            if (users.isEmpty()) {
                throw new IllegalArgumentException("at least one AMI user is needed");
            }
            this.managerConf = ManagerConf.withUsers(users);
            return this;
        }

        /**
         * Reads the users from an ini file like manager.conf.
         *
         * @throws IOException if the file cannot be read
         * @throws IllegalArgumentException if a line is not {@code [section]} or {@code key = value}
         */
        public Builder usersFile(Path file) throws IOException {
            this.managerConf = ManagerConf.load(file);
            return this;
        }

        /** @param t the delays and their time scale */
        public Builder timing(SimTiming t) {
            this.timing = Objects.requireNonNull(t, "timing");
            return this;
        }

        /** @param seq the sequence number of the first Local channel pair ({@code -00000000} after a boot) */
        public Builder firstChannelSequence(int seq) {
            if (seq < 0) {
                throw new IllegalArgumentException("channel sequence must be >= 0");
            }
            this.firstChannelSequence = seq;
            return this;
        }

        /** @return the configuration */
        public SimConfig build() {
            return new SimConfig(this);
        }

        private static int checkPort(int p) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port out of range: " + p);
            }
            return p;
        }
    }
}
