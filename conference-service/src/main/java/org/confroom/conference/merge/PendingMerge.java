package org.confroom.conference.merge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A merge waiting for its legs: each channel either joins the room (its {@code ConfbridgeJoin}), hangs
 * up first, or neither before the timeout. Thread-safe: events, the timer and the caller meet here.
 * It resolves only once {@link #arm() armed} (the Redirect was answered and SENT recorded), so the
 * outcome can never overtake the SENT row.
 */
final class PendingMerge {
    private final UUID id;
    private final String room;
    private final Map<String, Leg> legs = new LinkedHashMap<>();
    private final CompletableFuture<MergeOutcome> outcome = new CompletableFuture<>();
    private boolean armed;
    private boolean decided;
    private String note;

    private static final class Leg {
        MergeOutcome.LegResult result;
        String what;
    }

    PendingMerge(UUID id, String room, List<String> channels) {
        this.id = id;
        this.room = room;
        channels.forEach(c -> legs.put(c, new Leg()));
    }

    UUID id() {
        return id;
    }

    String room() {
        return room;
    }

    List<String> channels() {
        return List.copyOf(legs.keySet());
    }

    CompletableFuture<MergeOutcome> outcome() {
        return outcome;
    }

    /** @return true when every leg is resolved and the outcome can be decided now */
    synchronized boolean arm() {
        armed = true;
        return ready();
    }

    /** Something the operator should know about the Redirect itself (its outcome was unknown). */
    synchronized void note(String text) {
        note = text;
    }

    /** @return true when this completed the merge (decide now) */
    synchronized boolean joined(String channel, String conference) {
        if (!room.equals(conference)) {
            return false;
        }
        return resolve(channel, MergeOutcome.LegResult.JOINED, "joined " + room);
    }

    /** @return true when this completed the merge (decide now) */
    synchronized boolean hungUp(String channel, int cause, String causeText) {
        return resolve(channel, MergeOutcome.LegResult.HUNG_UP,
                "hung up before joining (cause " + cause + (causeText.isEmpty() ? "" : ", " + causeText) + ")");
    }

    /**
     * Decides the outcome once; legs still open are checked against the live state, else they did not join.
     *
     * @param memberOfRoom true when the live state shows the channel in the room (joins missed while disconnected)
     * @param roomLocked true when the live state shows the room locked (the usual reason why both legs hang up)
     * @param timeout the merge timeout, for the message
     * @return the outcome, or null when it was already decided
     */
    synchronized MergeOutcome decide(Predicate<String> memberOfRoom, boolean roomLocked, Duration timeout) {
        if (decided) {
            return null;
        }
        decided = true;
        List<MergeOutcome.Leg> out = new ArrayList<>();
        int joined = 0;
        for (Map.Entry<String, Leg> e : legs.entrySet()) {
            Leg leg = e.getValue();
            if (leg.result == null) {
                boolean seen = memberOfRoom.test(e.getKey());
                leg.result = seen ? MergeOutcome.LegResult.JOINED : MergeOutcome.LegResult.NOT_JOINED;
                leg.what = seen ? "is in " + room + " (join seen in the live state)"
                        : "did not join " + room + " within " + timeout.toMillis() + " ms";
            }
            joined += leg.result == MergeOutcome.LegResult.JOINED ? 1 : 0;
            out.add(new MergeOutcome.Leg(e.getKey(), leg.result, leg.what));
        }
        MergeState state = joined == legs.size() ? MergeState.DONE : joined > 0 ? MergeState.PARTIAL : MergeState.FAILED;
        return new MergeOutcome(id, room, state, describe(out, state, roomLocked), out);
    }

    /** @return a FAILED outcome for a Redirect that Asterisk refused or that was not sent; null if already decided */
    synchronized MergeOutcome refused(String message) {
        if (decided) {
            return null;
        }
        decided = true;
        List<MergeOutcome.Leg> out = new ArrayList<>();
        legs.keySet().forEach(c -> out.add(new MergeOutcome.Leg(c, MergeOutcome.LegResult.NOT_JOINED, "not moved")));
        return new MergeOutcome(id, room, MergeState.FAILED, "Redirect not carried out: " + message, out);
    }

    private boolean resolve(String channel, MergeOutcome.LegResult result, String what) {
        Leg leg = legs.get(channel);
        if (leg == null || leg.result != null) {
            return false;
        }
        leg.result = result;
        leg.what = what;
        return ready();
    }

    private boolean ready() {
        return armed && !decided && legs.values().stream().allMatch(l -> l.result != null);
    }

    private String describe(List<MergeOutcome.Leg> out, MergeState state, boolean roomLocked) {
        StringBuilder sb = new StringBuilder();
        for (MergeOutcome.Leg leg : out) {
            sb.append(sb.length() == 0 ? "" : "; ").append(leg.channel()).append(' ').append(leg.what());
        }
        if (state == MergeState.FAILED && roomLocked) {
            sb.append("; room ").append(room).append(" is locked");
        } else if (state == MergeState.FAILED
                && out.stream().allMatch(l -> l.result() == MergeOutcome.LegResult.HUNG_UP)) {
            sb.append("; a locked conference rejects callers this way");
        }
        if (note != null) {
            sb.append("; Redirect: ").append(note);
        }
        return sb.toString();
    }
}
