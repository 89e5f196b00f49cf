package org.confroom.conference.testsupport;

import java.time.Duration;
import java.util.Map;

import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.confroom.ami.sim.SimTiming;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The PBX of a test run: by default the simulated Asterisk (recorded users and dialplan, delays
 * x0.05), logged in as the least-privileged {@code confmgr} with MD5. With {@code AMI_HOST} set the
 * tests run against that real Asterisk instead (configured as in {@code docs/ami-transcripts/README.md}):
 * {@code AMI_PORT} (5038), {@code AMI_USER}/{@code AMI_SECRET} for the service (confmgr) and
 * {@code AMI_ADMIN_USER}/{@code AMI_ADMIN_SECRET} (admin/admin-secret) for the tests' own second
 * connection; tests that need the simulator's fault controls are then skipped.
 */
public class AmiSimTestResource implements QuarkusTestResourceLifecycleManager {
    private static volatile AmiSimulator simulator;

    /** @return the running simulator, or null when the tests run against a real Asterisk */
    public static AmiSimulator simulator() {
        return simulator;
    }

    /** @return true when the tests talk to a real Asterisk ({@code AMI_HOST} is set) */
    public static boolean realAsterisk() {
        return env("AMI_HOST", null) != null;
    }

    /** @return host of the PBX under test */
    public static String host() {
        return realAsterisk() ? env("AMI_HOST", null) : "127.0.0.1";
    }

    /** @return AMI port of the PBX under test */
    public static int port() {
        return realAsterisk() ? Integer.parseInt(env("AMI_PORT", "5038")) : simulator.port();
    }

    /** @return a user with read=all and write=all for the tests' own connection */
    public static String adminUser() {
        return env("AMI_ADMIN_USER", "admin");
    }

    /** @return its secret */
    public static String adminSecret() {
        return env("AMI_ADMIN_SECRET", "admin-secret");
    }

    @Override
    public Map<String, String> start() {
        if (!realAsterisk()) {
            simulator = AmiSimulator.start(SimConfig.builder().port(0)
                    .timing(SimTiming.recorded().withScale(0.05).withAuthFailureDelay(Duration.ofMillis(50))).build());
        }
        return Map.of("confroom.pbx.host", host(), "confroom.pbx.port", Integer.toString(port()),
                "confroom.pbx.username", env("AMI_USER", "confmgr"), "confroom.pbx.secret", env("AMI_SECRET", "confmgr-secret"),
                "confroom.pbx.md5", "true");
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
