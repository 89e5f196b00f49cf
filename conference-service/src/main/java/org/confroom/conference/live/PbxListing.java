package org.confroom.conference.live;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confroom.ami.event.ConfbridgeListEvent;

/**
 * What the PBX listed at one moment: every conference ({@code ConfbridgeListRooms}), the members of some
 * of them ({@code ConfbridgeList}) and, when members were read, which channels sit in a bridge
 * ({@code CoreShowChannels}).
 *
 * @param rooms every live conference by number
 * @param channels every channel's bridge id (empty when in no bridge); empty when members were not read
 * @param at when the listing was asked for
 */
record PbxListing(Map<String, RoomListing> rooms, Map<String, String> channels, Instant at) {
    /**
     * One conference of the listing.
     *
     * @param number conference number
     * @param parties members as Asterisk counts them (joining and kicked-but-listed ones included)
     * @param marked marked members
     * @param locked the lock state
     * @param members the listed members, when they were read
     */
    record RoomListing(String number, int parties, int marked, boolean locked, Optional<List<ConfbridgeListEvent>> members) {
    }

    /** @return true when the channel is known to sit in a bridge, or nothing is known about it */
    boolean inBridgeOrUnknown(String channel) {
        String bridge = channels.get(channel);
        return bridge == null || !bridge.isEmpty();
    }
}
