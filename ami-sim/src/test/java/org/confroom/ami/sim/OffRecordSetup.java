package org.confroom.ami.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/**
 * Setup that the recordings did over a separate, unrecorded AMI connection (extra conference members):
 * originates as admin with {@code Events: off}, with the channel sequence numbers the recording shows.
 */
final class OffRecordSetup {
    private OffRecordSetup() {
    }

    /** A member {@code "name" <number>} through {@code context,room} (confbridge or confbridge-quiet). */
    static void member(AmiSimulator sim, int seq, String number, String name, String context, String room)
            throws Exception {
        originate(sim, seq, "Action", "Originate", "ActionID", "setup-" + number, "Channel",
                "Local/" + number + "@phones", "Context", context, "Exten", room, "Priority", "1", "Async", "true",
                "CallerID", "\"" + name + "\" <" + number + ">");
    }

    /** Originates over a separate, unrecorded connection with the given channel sequence number. */
    static void originate(AmiSimulator sim, int seq, String... action) throws Exception {
        try (SimClient c = new SimClient(sim.port())) {
            c.login("admin", "admin-secret", "off");
            sim.controls().setNextChannelSequence(seq);
            c.action(action);
        }
    }

    /** Waits until the room lists {@code n} members and the first one's join prompt is surely over. */
    static void awaitMembers(AmiSimulator sim, String room, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sim.controls().memberCount(room) < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sim.controls().memberCount(room)).isEqualTo(n);
        Thread.sleep((long) (SimTiming.recorded().joinPrompt().toMillis() * sim.config().timing().scale()) + 50);
    }
}
