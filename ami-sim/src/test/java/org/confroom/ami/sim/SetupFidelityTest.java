package org.confroom.ami.sim;

import static org.confroom.ami.sim.OffRecordSetup.awaitMembers;
import static org.confroom.ami.sim.OffRecordSetup.member;
import static org.confroom.ami.sim.OffRecordSetup.originate;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transcripts whose setup was done off the record (extra conference members over another connection): the
 * setup is scripted here with the same channel sequence numbers, then the client side is replayed.
 */
class SetupFidelityTest {
    private static final ManagerUser ADMIN = ManagerUser.of("admin", "admin-secret", "all", "all");
    /** confmgr as recorded in 01 to 12, before reporting was added to its write classes */
    private static final ManagerUser CONFMGR_ORIGINAL =
            ManagerUser.of("confmgr", "confmgr-secret", "call,system,reporting", "call,originate,system");

    @Test
    void t08listMuteLockRecordKick() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build())) {
            alice700(sim);
            member(sim, 4, "1002", "Bob", "confbridge", "700");
            member(sim, 5, "1003", "Carol", "confbridge", "700");
            awaitMembers(sim, "700", 3);
            Replay.assertFaithful(Transcript.load("08-"), sim);
        }
    }

    @Test
    void t09confbridgeErrors() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build())) {
            alice700(sim);
            awaitMembers(sim, "700", 1);
            Replay.assertFaithful(Transcript.load("09-"), sim);
        }
    }

    @Test
    void t10bridgedCallRedirectedIntoConference() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build())) {
            aliceAndBob700(sim);
            sim.controls().setNextChannelSequence(7);
            Replay.assertFaithful(Transcript.load("10-"), sim);
        }
    }

    @Test
    void t12permissionsOfTheOriginalConfmgr() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().users(List.of(ADMIN, CONFMGR_ORIGINAL)).build())) {
            state701(sim);
            Replay.assertFaithful(Transcript.load("12-"), sim);
        }
    }

    @Test
    void t13permissionsOfTheFixedConfmgr() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build())) {
            state701(sim);
            Replay.assertFaithful(Transcript.load("13-"), sim);
        }
    }

    @Test
    void t21commandOutputAndEventMask() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(Replay.config().build())) {
            for (int i = 0; i < 4; i++) {
                member(sim, 0x100 + i, "120" + i, "User " + i, "confbridge", "704");
            }
            awaitMembers(sim, "704", 4);
            Transcript t = Transcript.load("21-");
            Replay.alignChannelSequence(t, sim);
            Replay.assertFaithful(t, sim);
        }
    }

    /** State after 08 and 10: 700 with Alice and Bob, 701 with the two redirected legs 1001-7 and 2002-8. */
    private static void state701(AmiSimulator sim) throws Exception {
        aliceAndBob700(sim);
        member(sim, 7, "1001", "Alice", "confbridge", "701");
        member(sim, 8, "2002", "Alice", "confbridge", "701");
        awaitMembers(sim, "701", 2);
    }

    private static void aliceAndBob700(AmiSimulator sim) throws Exception {
        alice700(sim);
        member(sim, 4, "1002", "Bob", "confbridge", "700");
        awaitMembers(sim, "700", 2);
    }

    /** Alice as originated in 07: ChannelId, account and a channel variable. */
    private static void alice700(AmiSimulator sim) throws Exception {
        originate(sim, 2, "Action", "Originate", "ActionID", "setup-alice", "Channel", "Local/1001@phones",
                "Context", "confbridge", "Exten", "700", "Priority", "1", "Async", "true",
                "CallerID", "\"Alice\" <1001>", "Variable", "CONFMGR_ROOM=700", "Account", "room700",
                "ChannelId", "conf700-alice-1", "OtherChannelId", "conf700-alice-2");
    }
}
