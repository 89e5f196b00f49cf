package org.confroom.conference.invite;

import java.nio.file.Path;

/**
 * Sizes of the invite storms ({@link InviteStormTest}), from system properties; the defaults are the CI size.
 *
 * @param numbers invitations per storm
 * @param rooms rooms per storm
 * @param capRoom dial cap per room
 * @param capPbx dial cap per PBX
 * @param seeds storms with faults
 * @param maxFaults most faults per storm
 * @param firstSeed the first seed
 * @param report where the Markdown report goes
 * @param command the command that reproduces the report, shown in it
 */
record StormSettings(int numbers, int rooms, int capRoom, int capPbx, int seeds, int maxFaults, long firstSeed, Path report,
        String command) {

    static StormSettings fromSystemProperties() {
        return new StormSettings(Integer.getInteger("storm.numbers", 100), Integer.getInteger("storm.rooms", 10),
                Integer.getInteger("storm.cap-room", 3), Integer.getInteger("storm.cap-pbx", 20),
                Integer.getInteger("storm.seeds", 10), Integer.getInteger("storm.max-faults", 3),
                Long.getLong("storm.seed", 1), Path.of(System.getProperty("storm.report", "target/invite-storm.md")),
                System.getProperty("storm.command", "./mvnw -B verify (CI size)"));
    }
}
