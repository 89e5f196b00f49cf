package org.confroom.conference.live;

/**
 * A change of the live state, as delivered to subscribers of {@link LiveRooms#subscribe}. Changes of one
 * subscriber arrive in order; apply them to the snapshot taken when subscribing, or re-read
 * {@link LiveRooms#snapshot()} on {@link ChangesDropped}.
 */
public sealed interface LiveChange {
    /**
     * A member appeared (joining or joined).
     *
     * @param room conference number
     * @param member the member
     */
    record MemberJoined(String room, LiveMember member) implements LiveChange {
    }

    /**
     * A member left (left, kicked, hung up, or no longer listed after a resynchronisation).
     *
     * @param room conference number
     * @param member the member as last known
     */
    record MemberLeft(String room, LiveMember member) implements LiveChange {
    }

    /**
     * A member changed: mute, talking, marked, or joining became joined.
     *
     * @param room conference number
     * @param member the member now
     */
    record MemberUpdated(String room, LiveMember member) implements LiveChange {
    }

    /**
     * A conference started or changed its own state (locked, recording). Its members come as separate
     * {@link MemberJoined} changes.
     *
     * @param room the conference now
     */
    record RoomUpdated(LiveRoom room) implements LiveChange {
    }

    /**
     * A conference ended; all its members are gone with it.
     *
     * @param room the conference as last known
     */
    record RoomEnded(LiveRoom room) implements LiveChange {
    }

    /**
     * The PBX connection or the freshness of the state changed.
     *
     * @param status the new status
     */
    record ConnectionChanged(PbxStatus status) implements LiveChange {
    }

    /**
     * This subscriber fell behind and changes were dropped; start again from the snapshot.
     *
     * @param dropped how many changes were dropped
     * @param snapshot the state after the dropped changes
     */
    record ChangesDropped(long dropped, LiveSnapshot snapshot) implements LiveChange {
    }
}
