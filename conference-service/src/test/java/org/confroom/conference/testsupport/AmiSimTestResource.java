package org.confroom.conference.testsupport;

import java.time.Duration;
import java.util.Map;

import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.confroom.ami.sim.SimTiming;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the simulated Asterisk for a test run (recorded users and dialplan, delays x0.05) and
 * points {@code confroom.pbx.*} at it as the least-privileged {@code confmgr} with MD5 login.
 */
public class AmiSimTestResource implements QuarkusTestResourceLifecycleManager {
    private static volatile AmiSimulator simulator;

    /** @return the running simulator, for faults and restarts in tests */
    public static AmiSimulator simulator() {
        return simulator;
    }

    @Override
    public Map<String, String> start() {
        simulator = AmiSimulator.start(SimConfig.builder().port(0)
                .timing(SimTiming.recorded().withScale(0.05).withAuthFailureDelay(Duration.ofMillis(50))).build());
        return Map.of("confroom.pbx.host", "127.0.0.1", "confroom.pbx.port", Integer.toString(simulator.port()),
                "confroom.pbx.username", "confmgr", "confroom.pbx.secret", "confmgr-secret", "confroom.pbx.md5", "true");
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
