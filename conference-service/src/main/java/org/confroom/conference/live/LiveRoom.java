package org.confroom.conference.live;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One live conference (ConfBridge) on the PBX. Immutable.
 *
 * @param number the conference name, which is the room number
 * @param members members in the order they were first seen, joining ones included
 * @param locked true when locked (from {@code ConfbridgeListRooms} and our own lock commands: Asterisk
 *     emits no event for lock changes, so a lock made elsewhere shows after the next poll)
 * @param recording true while recorded (from {@code ConfbridgeRecord}/{@code ConfbridgeStopRecord} events;
 *     Asterisk lists no recording state, so a recording started while we were disconnected is not seen)
 * @param startedAt when the conference started, or when we first saw it
 */
public record LiveRoom(String number, List<LiveMember> members, boolean locked, boolean recording, Instant startedAt) {
    /** Copies the member list. */
    public LiveRoom {
        Objects.requireNonNull(number, "number");
        members = List.copyOf(members);
    }

    /** @return members in the bridge (joining members are not counted) */
    public int memberCount() {
        return (int) members.stream().filter(LiveMember::joined).count();
    }

    /** @return members listed but not yet in the bridge */
    public int joiningCount() {
        return members.size() - memberCount();
    }

    /** @return the member on this channel (exact name), joining or joined */
    public Optional<LiveMember> member(String channel) {
        return members.stream().filter(m -> m.channel().equals(channel)).findFirst();
    }
}
