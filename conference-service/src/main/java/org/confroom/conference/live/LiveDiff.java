package org.confroom.conference.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The changes that turn one view of a conference into the next; one rule for events, polls and resyncs. */
final class LiveDiff {
    private LiveDiff() {
    }

    /**
     * @param before the conference as last published, null when it did not exist
     * @param after the conference now, null when it ended
     * @return the changes in the order a page should apply them
     */
    static List<LiveChange> between(LiveRoom before, LiveRoom after) {
        List<LiveChange> out = new ArrayList<>();
        if (after == null) {
            if (before != null) {
                out.add(new LiveChange.RoomEnded(before));
            }
            return out;
        }
        if (before == null || before.locked() != after.locked() || before.recording() != after.recording()) {
            out.add(new LiveChange.RoomUpdated(after));
        }
        Map<String, LiveMember> old = byChannel(before);
        Map<String, LiveMember> now = byChannel(after);
        for (LiveMember m : old.values()) {
            if (!now.containsKey(m.channel())) {
                out.add(new LiveChange.MemberLeft(after.number(), m));
            }
        }
        for (LiveMember m : now.values()) {
            LiveMember was = old.get(m.channel());
            if (was == null) {
                out.add(new LiveChange.MemberJoined(after.number(), m));
            } else if (!was.equals(m)) {
                out.add(new LiveChange.MemberUpdated(after.number(), m));
            }
        }
        return out;
    }

    private static Map<String, LiveMember> byChannel(LiveRoom room) {
        Map<String, LiveMember> out = new LinkedHashMap<>();
        if (room != null) {
            room.members().forEach(m -> out.put(m.channel(), m));
        }
        return out;
    }
}
