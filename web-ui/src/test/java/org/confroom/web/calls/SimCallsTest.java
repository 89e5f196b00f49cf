package org.confroom.web.calls;

import static org.confroom.conference.live.SimPbx.await;

import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.live.SimPbx;
import org.confroom.conference.merge.LiveCalls;
import org.confroom.conference.room.RoomService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import jakarta.inject.Inject;

/** Base of the tests that make calls on the simulator: waits until rooms and calls are read, opens a {@link SimPbx}. */
abstract class SimCallsTest {
    @Inject
    RoomService rooms;

    @Inject
    LiveRooms live;

    @Inject
    LiveCalls calls;

    /** "Somebody else on the PBX": places the two-party calls. */
    SimPbx pbx;

    @BeforeEach
    void connect() {
        await("live state fresh", () -> live.status().live());
        await("live calls read", () -> !calls.stale());
        pbx = SimPbx.connect();
    }

    @AfterEach
    void close() {
        pbx.close();
    }
}
