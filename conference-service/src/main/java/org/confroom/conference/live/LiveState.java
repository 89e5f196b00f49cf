package org.confroom.conference.live;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.confroom.ami.event.ConfbridgeListEvent;

/**
 * The mutable model behind {@link LiveRooms}: conferences, their members, and the channels that left
 * a conference but may still be listed (a kicked member stays in {@code ConfbridgeList} until it hangs
 * up, transcripts 24 and 29). Not thread-safe: {@link LiveRooms} guards it with its lock. Every method
 * is idempotent, so events seen during a resynchronisation can be applied again on top of its listing.
 */
final class LiveState {
    /** How long a departed channel is kept out of lists when its Hangup never comes (redirected away). */
    private static final Duration DEPARTED_TTL = Duration.ofMinutes(1);

    private final Map<String, RoomState> rooms = new HashMap<>();
    private final Map<String, String> roomOfChannel = new HashMap<>();
    private final Map<String, Departure> departed = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    private record Departure(String channel, String room, Instant at) {
    }

    private static final class RoomState {
        final String number;
        final Map<String, LiveMember> members = new LinkedHashMap<>();
        boolean locked;
        boolean recording;
        final Instant startedAt;

        RoomState(String number, Instant startedAt) {
            this.number = number;
            this.startedAt = startedAt;
        }

        LiveRoom view() {
            return new LiveRoom(number, List.copyOf(members.values()), locked, recording, startedAt);
        }
    }

    /** A conference started (ConfbridgeStart). */
    void roomStarted(String number, Instant at) {
        room(number, at);
    }

    /** A conference ended (ConfbridgeEnd): it and its members are gone. */
    void roomEnded(String number) {
        RoomState r = rooms.remove(number);
        if (r != null) {
            r.members.keySet().forEach(roomOfChannel::remove);
            dirty.add(number);
        }
    }

    /** A member entered the bridge (ConfbridgeJoin). */
    void memberJoined(String number, LiveMember joined, Instant at) {
        String channel = joined.channel();
        departed.remove(channel);
        String previousRoom = roomOfChannel.get(channel);
        if (previousRoom != null && !previousRoom.equals(number)) {
            removeMember(previousRoom, channel);
        }
        RoomState r = room(number, at);
        LiveMember known = r.members.get(channel);
        LiveMember now = known == null ? joined
                : joined.withMarked(known.marked()).withJoinedAt(known.joinedAt() == null ? at : known.joinedAt());
        put(r, now);
    }

    /** A member left the bridge (ConfbridgeLeave): gone, and kept out of lists until it hangs up. */
    void memberLeft(String number, String channel, Instant at) {
        removeMember(number, channel);
        departed.put(channel, new Departure(channel, number, at));
    }

    /** A channel hung up: if it was a member it is gone (its ConfbridgeLeave may have been lost). */
    void channelGone(String channel) {
        departed.remove(channel);
        String number = roomOfChannel.get(channel);
        if (number != null) {
            removeMember(number, channel);
        }
    }

    /** ConfbridgeMute / ConfbridgeUnmute. */
    void muted(String number, String channel, boolean muted) {
        updateMember(number, channel, m -> m.withMuted(muted));
    }

    /** ConfbridgeTalking. */
    void talking(String number, String channel, boolean talking) {
        updateMember(number, channel, m -> m.withTalking(talking));
    }

    /** ConfbridgeRecord / ConfbridgeStopRecord. */
    void recording(String number, boolean recording, Instant at) {
        RoomState r = room(number, at);
        if (r.recording != recording) {
            r.recording = recording;
            dirty.add(number);
        }
    }

    /** A lock state learnt from our own command or a list; unknown conferences are left alone. */
    void locked(String number, boolean locked) {
        RoomState r = rooms.get(number);
        if (r != null && r.locked != locked) {
            r.locked = locked;
            dirty.add(number);
        }
    }

    /**
     * Makes the state what the PBX listed: conferences not listed are gone, lock states are taken over,
     * and the members of every conference whose members were read are replaced by the list (keeping what
     * events told us: the phase and the join time of known members; leaving out departed channels).
     */
    void applyListing(PbxListing listing) {
        expireDepartures(listing.at());
        for (String number : List.copyOf(rooms.keySet())) {
            if (!listing.rooms().containsKey(number)) {
                roomEnded(number);
            }
        }
        for (PbxListing.RoomListing listed : listing.rooms().values()) {
            RoomState r = room(listed.number(), listing.at());
            locked(listed.number(), listed.locked());
            listed.members().ifPresent(members -> replaceMembers(r, members, listing));
        }
    }

    /** @return members plus departed-but-still-listed channels: what Asterisk should count as parties */
    int expectedParties(String number) {
        RoomState r = rooms.get(number);
        long departedHere = departed.values().stream().filter(d -> d.room().equals(number)).count();
        return (r == null ? 0 : r.members.size()) + (int) departedHere;
    }

    /** @return marked members as we know them */
    int markedCount(String number) {
        RoomState r = rooms.get(number);
        return r == null ? 0 : (int) r.members.values().stream().filter(LiveMember::marked).count();
    }

    /** @return true when the conference is known */
    boolean hasRoom(String number) {
        return rooms.containsKey(number);
    }

    /** @return the numbers changed since the last call, and forgets them */
    Set<String> drainDirty() {
        Set<String> out = new LinkedHashSet<>(dirty);
        dirty.clear();
        return out;
    }

    /** @return the conference now, or null when it does not exist */
    LiveRoom view(String number) {
        RoomState r = rooms.get(number);
        return r == null ? null : r.view();
    }

    private void replaceMembers(RoomState r, List<ConfbridgeListEvent> listed, PbxListing listing) {
        Map<String, LiveMember> before = new LinkedHashMap<>(r.members);
        for (String channel : before.keySet()) {
            roomOfChannel.remove(channel);
        }
        r.members.clear();
        Set<String> listedChannels = new LinkedHashSet<>();
        for (ConfbridgeListEvent item : listed) {
            String channel = item.channel();
            listedChannels.add(channel);
            Departure d = departed.get(channel);
            if (LiveMember.hiddenChannel(channel) || (d != null && d.room().equals(r.number))) {
                continue;
            }
            put(r, fromList(item, before.get(channel), listing));
        }
        departed.values().removeIf(d -> d.room().equals(r.number) && !listedChannels.contains(d.channel()));
        if (!before.equals(r.members)) {
            dirty.add(r.number);
        }
    }

    private static LiveMember fromList(ConfbridgeListEvent item, LiveMember known, PbxListing listing) {
        boolean joined = (known != null && known.joined()) || listing.inBridgeOrUnknown(item.channel());
        Instant joinedAt = known != null && known.joinedAt() != null ? known.joinedAt()
                : joined ? listing.at().minusSeconds(Math.max(0, item.answeredTime())) : null;
        return new LiveMember(item.channel(), item.uniqueid(), item.callerIdNum(), item.callerIdName(), item.muted(),
                item.talking(), item.admin(), item.markedUser(), joined ? MemberPhase.JOINED : MemberPhase.JOINING,
                joinedAt);
    }

    private void expireDepartures(Instant now) {
        departed.values().removeIf(d -> d.at().plus(DEPARTED_TTL).isBefore(now));
    }

    private RoomState room(String number, Instant at) {
        return rooms.computeIfAbsent(number, n -> {
            dirty.add(n);
            return new RoomState(n, at);
        });
    }

    private void put(RoomState r, LiveMember m) {
        LiveMember old = r.members.put(m.channel(), m);
        roomOfChannel.put(m.channel(), r.number);
        if (!m.equals(old)) {
            dirty.add(r.number);
        }
    }

    private boolean removeMember(String number, String channel) {
        RoomState r = rooms.get(number);
        if (r == null || r.members.remove(channel) == null) {
            return false;
        }
        roomOfChannel.remove(channel);
        dirty.add(number);
        return true;
    }

    private void updateMember(String number, String channel, UnaryOperator<LiveMember> change) {
        RoomState r = rooms.get(number);
        LiveMember m = r == null ? null : r.members.get(channel);
        if (m != null) {
            put(r, change.apply(m));
        }
    }
}
