package org.confroom.conference.merge;

import java.util.List;
import java.util.UUID;

/**
 * How a merge or pull ended.
 *
 * @param id the merge request id
 * @param room the conference number
 * @param state DONE, PARTIAL or FAILED
 * @param detail a sentence for the operator, for example
 *     {@code Local/1001@phones-00000007;1 joined 702; Local/2002@phones-00000008;1 hung up before joining (cause 16, Normal Clearing)}
 * @param legs what happened to each channel, in request order
 */
public record MergeOutcome(UUID id, String room, MergeState state, String detail, List<Leg> legs) {
    /** Copies the legs. */
    public MergeOutcome {
        legs = List.copyOf(legs);
    }

    /** What happened to one channel. */
    public enum LegResult {
        /** Its ConfbridgeJoin in the room was seen. */
        JOINED,
        /** It hung up before joining. */
        HUNG_UP,
        /** Neither within the merge timeout (or the Redirect was refused). */
        NOT_JOINED
    }

    /**
     * One channel's result.
     *
     * @param channel the channel
     * @param result joined, hung up, or not joined
     * @param what the same in words, with the hangup cause where known
     */
    public record Leg(String channel, LegResult result, String what) {
    }
}
