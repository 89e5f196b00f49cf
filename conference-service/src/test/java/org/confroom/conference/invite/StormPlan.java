package org.confroom.conference.invite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One invite storm, drawn from a seed: the rooms, the numbers with what the simulator's dialplan does
 * with them (answer; busy 8XXX; congestion 7XXX; no answer 9XXX), the order they are invited in (room by
 * room, so that the per-room cap binds), and the connection faults with the share of settled attempts at
 * which each one strikes. The same seed gives the same plan.
 *
 * @param seed the seed
 * @param roomNumbers conference numbers, one per room
 * @param invites the invitations in submission order
 * @param faults the faults in the order they strike
 */
record StormPlan(long seed, List<String> roomNumbers, List<Invite> invites, List<Fault> faults) {
    /** What the dialplan does with a number. */
    enum Expect {
        ANSWER, BUSY, CONGESTION, NO_ANSWER;

        /** @return the final outcome of an attempt that reached the PBX: ENDED, or FAILED with this reason */
        FailureReason failure() {
            return switch (this) {
                case ANSWER -> null;
                case BUSY -> FailureReason.BUSY;
                case CONGESTION -> FailureReason.CONGESTION;
                case NO_ANSWER -> FailureReason.NO_ANSWER;
            };
        }
    }

    /** An invitation of a number into the room at {@code room} (index into roomNumbers). */
    record Invite(int room, String number, Expect expect) {
    }

    /** How the AMI connection is hurt. */
    enum FaultKind {
        /** {@code dropAllConnections()}: Originates in flight become outcome unknown. */
        DROP,
        /** {@code stallReading(true)} for {@code millis}, then drop, then read again: what was sent never runs. */
        STALL_THEN_DROP,
        /** Drop, then drop the new connection again {@code millis} later (during login or the resyncs). */
        DOUBLE_DROP
    }

    /**
     * @param kind what happens
     * @param afterSettled strikes once this many attempts have settled (JOINED or final)
     * @param millis the stall or the gap between the drops
     */
    record Fault(FaultKind kind, int afterSettled, int millis) {
    }

    /**
     * @param seed the seed
     * @param firstRoom number of the first room; the others follow
     * @param numbers how many invitations
     * @param rooms how many rooms (numbers are spread evenly)
     * @param maxFaults 0 for a storm without faults, else 1 to this many faults
     */
    static StormPlan draw(long seed, int firstRoom, int numbers, int rooms, int maxFaults) {
        Random r = new Random(seed);
        List<String> roomNumbers = new ArrayList<>();
        for (int i = 0; i < rooms; i++) {
            roomNumbers.add(Integer.toString(firstRoom + i));
        }
        Set<String> used = new HashSet<>();
        List<List<Invite>> byRoom = new ArrayList<>();
        for (int i = 0; i < rooms; i++) {
            byRoom.add(new ArrayList<>());
        }
        for (int i = 0; i < numbers; i++) {
            Expect e = expect(r.nextInt(100));
            String n;
            do {
                n = number(r, e);
            } while (!used.add(n));
            byRoom.get(i % rooms).add(new Invite(i % rooms, n, e));
        }
        Collections.shuffle(byRoom, r);
        List<Invite> invites = new ArrayList<>();
        byRoom.forEach(invites::addAll);
        List<Fault> faults = new ArrayList<>();
        int count = maxFaults == 0 ? 0 : 1 + r.nextInt(maxFaults);
        for (int i = 0; i < count; i++) {
            FaultKind k = FaultKind.values()[r.nextInt(FaultKind.values().length)];
            faults.add(new Fault(k, (int) (numbers * (0.02 + 0.88 * r.nextDouble())), 20 + r.nextInt(280)));
        }
        faults.sort((a, b) -> Integer.compare(a.afterSettled(), b.afterSettled()));
        return new StormPlan(seed, List.copyOf(roomNumbers), List.copyOf(invites), List.copyOf(faults));
    }

    /** 40 % answer, 20 % each busy, congestion and no answer. */
    private static Expect expect(int percent) {
        return percent < 40 ? Expect.ANSWER : percent < 60 ? Expect.BUSY : percent < 80 ? Expect.CONGESTION : Expect.NO_ANSWER;
    }

    /** Four-digit extensions: 1000-6999 answer, 7XXX congestion, 8XXX busy, 9XXX ring until the timeout. */
    private static String number(Random r, Expect e) {
        int n = switch (e) {
            case ANSWER -> 1000 + r.nextInt(6000);
            case CONGESTION -> 7000 + r.nextInt(1000);
            case BUSY -> 8000 + r.nextInt(1000);
            case NO_ANSWER -> 9000 + r.nextInt(1000);
        };
        return Integer.toString(n);
    }
}
