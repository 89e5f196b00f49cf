package org.confroom.conference.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The rooms page in one call: every active room with its live conference (if any), and the live
 * conferences that have no room row (started by dial-in or by someone else on the PBX).
 */
@ApplicationScoped
public class RoomOverview {
    @Inject
    RoomService rooms;

    @Inject
    LiveRooms live;

    /** @return active rooms by number with their live state, unmanaged conferences, and the PBX status */
    public Overview overview() {
        LiveSnapshot snapshot = live.snapshot();
        List<RoomLine> lines = new ArrayList<>();
        Set<String> managed = new HashSet<>();
        for (Room r : rooms.listActive()) {
            managed.add(r.number);
            lines.add(new RoomLine(r.id, r.number, r.name, snapshot.room(r.number)));
        }
        List<LiveRoom> unmanaged = snapshot.rooms().values().stream().filter(r -> !managed.contains(r.number())).toList();
        return new Overview(lines, unmanaged, snapshot.pbx());
    }

    /**
     * The overview.
     *
     * @param rooms active rooms ordered by number
     * @param unmanagedConferences live conferences without an active room of that number
     * @param pbx the connection status; when stale, the live parts are the last known state
     */
    public record Overview(List<RoomLine> rooms, List<LiveRoom> unmanagedConferences, PbxStatus pbx) {
        /** Copies the lists. */
        public Overview {
            rooms = List.copyOf(rooms);
            unmanagedConferences = List.copyOf(unmanagedConferences);
        }
    }

    /**
     * One active room.
     *
     * @param roomId the room's id
     * @param number its conference number
     * @param name its display name
     * @param live its live conference, empty when nobody is in it
     */
    public record RoomLine(long roomId, String number, String name, Optional<LiveRoom> live) {
        /** @return members in the bridge, 0 when not live */
        public int memberCount() {
            return live.map(LiveRoom::memberCount).orElse(0);
        }

        /** @return members listed but still hearing a prompt, 0 when not live */
        public int joiningCount() {
            return live.map(LiveRoom::joiningCount).orElse(0);
        }

        /** @return true when a conference with this number runs on the PBX */
        public boolean active() {
            return live.isPresent();
        }
    }
}
