package org.confroom.conference.live;

import java.time.Instant;
import java.util.Objects;

/**
 * One member of a live conference, as far as the PBX told us. Immutable.
 *
 * @param channel the member's channel, for example {@code Local/1001@phones-00000002;1}
 * @param uniqueid the channel's unique id (the Originate ChannelId when one was given)
 * @param callerIdNum caller id number, {@code <unknown>} when Asterisk has none
 * @param callerIdName caller id name (C-escaped by Asterisk)
 * @param muted true when muted
 * @param talking true while talking; only ever true when the user profile enables talk detection
 * @param admin true for an admin user
 * @param marked true for a marked user; known from {@code ConfbridgeList} only (resync or drift check)
 * @param phase joining (hears a prompt, not counted) or joined
 * @param joinedAt when the ConfbridgeJoin was seen; for a member first seen in a list, estimated from its
 *     {@code AnsweredTime}; null while joining
 */
public record LiveMember(String channel, String uniqueid, String callerIdNum, String callerIdName, boolean muted,
        boolean talking, boolean admin, boolean marked, MemberPhase phase, Instant joinedAt) {
    /** Requires the channel and the phase. */
    public LiveMember {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(phase, "phase");
    }

    /** @return true once the member is in the bridge */
    public boolean joined() {
        return phase == MemberPhase.JOINED;
    }

    /** @return a copy with another mute state */
    public LiveMember withMuted(boolean value) {
        return new LiveMember(channel, uniqueid, callerIdNum, callerIdName, value, talking, admin, marked, phase, joinedAt);
    }

    /** @return a copy with another talking state */
    public LiveMember withTalking(boolean value) {
        return new LiveMember(channel, uniqueid, callerIdNum, callerIdName, muted, value, admin, marked, phase, joinedAt);
    }

    /** @return a copy with the marked flag as listed */
    public LiveMember withMarked(boolean value) {
        return new LiveMember(channel, uniqueid, callerIdNum, callerIdName, muted, talking, admin, value, phase, joinedAt);
    }

    /** @return a copy with another join time */
    public LiveMember withJoinedAt(Instant value) {
        return new LiveMember(channel, uniqueid, callerIdNum, callerIdName, muted, talking, admin, marked, phase, value);
    }

    /** @return true for Asterisk's hidden conference channels (announcer, recorder), which are never members */
    public static boolean hiddenChannel(String channel) {
        return channel.startsWith("CBAnn/") || channel.startsWith("CBRec/");
    }
}
