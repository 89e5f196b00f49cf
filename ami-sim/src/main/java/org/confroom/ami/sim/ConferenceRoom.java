package org.confroom.ami.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A ConfBridge conference: made on the first join, ended when the last listed member is gone. Its bridge
 * counts the hidden announcer channel (and the recorder while recording) in BridgeNumChannels.
 */
final class ConferenceRoom {
    final String name;
    final Bridge bridge;
    /** members in the order ConfbridgeList shows them (order of joining) */
    final List<ConferenceMember> members = new ArrayList<>();
    final String announcerName;
    boolean locked;
    /**
     * Members who arrived in the same PBX step as the room's first member, waiting for the end of that
     * step to learn whether the first one is alone; null when no decision is pending.
     */
    List<ConferenceMember> arriving;
    boolean recording;

    ConferenceRoom(String name, String announcerName) {
        this.name = name;
        this.announcerName = announcerName;
        this.bridge = new Bridge(Bridge.Kind.CONFERENCE, "ConfBridge", name);
    }

    /** @return the listed member whose channel name equals {@code channelName} (case-insensitive) */
    ConferenceMember exact(String channelName) {
        for (ConferenceMember m : members) {
            if (m.channel.name.equalsIgnoreCase(channelName)) {
                return m;
            }
        }
        return null;
    }

    /** @return the first listed member whose channel name starts with {@code prefix} (case-insensitive) */
    ConferenceMember byPrefix(String prefix) {
        for (ConferenceMember m : members) {
            if (m.channel.name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return m;
            }
        }
        return null;
    }

    /**
     * @param selector {@code all}, {@code participants} (members without admin) or a channel name
     * @param prefixMatch true for Mute/Unmute (case-insensitive prefix, first match), false for Kick (exact)
     * @return the selected members, empty when none matches
     */
    List<ConferenceMember> select(String selector, boolean prefixMatch) {
        if (selector.equalsIgnoreCase("all") || selector.equalsIgnoreCase("participants")) {
            boolean onlyParticipants = selector.equalsIgnoreCase("participants");
            List<ConferenceMember> out = new ArrayList<>();
            for (ConferenceMember m : members) {
                if (!onlyParticipants || m.profile != UserProfile.ADMIN_USER) {
                    out.add(m);
                }
            }
            return out;
        }
        ConferenceMember m = prefixMatch ? byPrefix(selector) : exact(selector);
        return m == null ? List.of() : List.of(m);
    }
}
