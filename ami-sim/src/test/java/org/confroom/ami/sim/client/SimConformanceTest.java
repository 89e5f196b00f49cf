package org.confroom.ami.sim.client;

import java.time.Duration;

import org.confroom.ami.conformance.AmiConformanceSuite;
import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.confroom.ami.sim.SimTiming;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** ami-core's conformance suite (the one run against a real Asterisk) against the simulator. */
class SimConformanceTest extends AmiConformanceSuite {
    private static AmiSimulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = AmiSimulator.start(SimConfig.builder().port(0)
                .timing(SimTiming.recorded().withScale(0.1)).build());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Override
    protected String host() {
        return "127.0.0.1";
    }

    @Override
    protected int port() {
        return sim.port();
    }

    @Override
    protected String secret() {
        return "admin-secret";
    }

    @Override
    protected Duration callTimeout() {
        return Duration.ofSeconds(5);
    }
}
