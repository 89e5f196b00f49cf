package org.confroom.conference.live;

import static org.confroom.conference.live.SimPbx.await;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import jakarta.inject.Inject;

/**
 * Base of the tests that drive the simulated PBX: waits until the live state is fresh (a previous test
 * may have restarted the simulator) and opens a {@link SimPbx} admin session per test.
 */
public abstract class LivePbxTest {
    /** The live state under test. */
    @Inject
    protected LiveRooms live;

    /** "Somebody else on the PBX": creates members and calls. */
    protected SimPbx pbx;

    @BeforeEach
    void connectToTheSimulator() {
        await("live state fresh", () -> live.status().live());
        pbx = SimPbx.connect();
    }

    @AfterEach
    void closeTheSimulatorSession() {
        pbx.close();
    }
}
