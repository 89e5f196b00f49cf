package org.confroom.web.calls;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confroom.conference.NotFoundException;
import org.confroom.conference.live.LiveRoom;
import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.merge.LiveCall;
import org.confroom.conference.merge.LiveCalls;
import org.confroom.conference.merge.MergeOutcome;
import org.confroom.conference.merge.MergeRequest;
import org.confroom.conference.merge.MergeService;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the live-calls page and the API show: the live two-party calls, the rooms they can go to (with
 * their lock state) and the latest merges with their outcome. Reads only; the changes are
 * {@link org.confroom.conference.merge.MergeService}'s.
 */
@ApplicationScoped
public class CallsView {
    /** Merges listed on the page. */
    public static final int RECENT_MERGES = 20;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Inject
    LiveCalls liveCalls;

    @Inject
    LiveRooms liveRooms;

    @Inject
    RoomService rooms;

    @Inject
    MergeService merges;

    /**
     * The calls and where they can go.
     *
     * @param calls the live two-party calls
     * @param stale true while the list may be out of date (PBX not connected or not read yet)
     * @param rooms the active rooms, by number
     */
    public record CallsModel(List<CallLine> calls, boolean stale, List<RoomOption> rooms) {
        /** @return true when some room is locked (the page explains what that means for a merge) */
        public boolean anyLocked() {
            return rooms.stream().anyMatch(RoomOption::locked);
        }
    }

    /**
     * One call for display.
     *
     * @param call the call
     * @param since when it began, as a wall clock time (static, so the fragment only changes with the call)
     */
    public record CallLine(LiveCall call, String since) {
    }

    /**
     * A room a call can be merged into.
     *
     * @param id room id
     * @param number conference number
     * @param name room name
     * @param live true when its conference runs now
     * @param locked true when its conference is locked: a merge into it fails (Asterisk rejects the callers)
     */
    public record RoomOption(long id, String number, String name, boolean live, boolean locked) {
    }

    /**
     * One merge or pull request with what is known of it.
     *
     * @param request the stored row
     * @param roomNumber the target room's number
     * @param legs each leg's result when this process decided the merge, else empty
     * @param roomLocked true when the target room is locked right now
     * @param createdAt when it was asked for, as a wall clock time
     */
    public record MergeLine(MergeRequest request, String roomNumber, List<MergeOutcome.Leg> legs, boolean roomLocked,
            String createdAt) {
        /** @return "pull" for one channel, else "merge" */
        public String kind() {
            return request.pull() ? "pull" : "merge";
        }

        /** @return the state in lower case, for the badge's CSS class */
        public String stateClass() {
            return request.state.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @return the calls and the active rooms with their live lock state */
    public CallsModel calls() {
        List<CallLine> lines = liveCalls.calls().stream().map(c -> new CallLine(c, CLOCK.format(c.since()))).toList();
        List<RoomOption> options = rooms.listActive().stream().map(this::option).toList();
        return new CallsModel(lines, liveCalls.stale(), options);
    }

    /** @return the latest merge requests, newest first */
    public List<MergeLine> merges(int limit) {
        Map<Long, String> numbers = new HashMap<>();
        return merges.recent(limit).stream().map(r -> line(r, numbers)).toList();
    }

    /** @return one merge request as a line */
    public Optional<MergeLine> merge(java.util.UUID id) {
        return merges.find(id).map(r -> line(r, new HashMap<>()));
    }

    /** @return true when the live state shows the conference locked */
    public boolean locked(String roomNumber) {
        return liveRooms.room(roomNumber).map(LiveRoom::locked).orElse(false);
    }

    private RoomOption option(Room r) {
        Optional<LiveRoom> live = liveRooms.room(r.number);
        return new RoomOption(r.id, r.number, r.name, live.isPresent(), live.map(LiveRoom::locked).orElse(false));
    }

    private MergeLine line(MergeRequest r, Map<Long, String> numbers) {
        String number = numbers.computeIfAbsent(r.roomId, this::roomNumber);
        List<MergeOutcome.Leg> legs = merges.outcome(r.id).map(MergeOutcome::legs).orElse(List.of());
        return new MergeLine(r, number, legs, locked(number), CLOCK.format(r.createdAt));
    }

    private String roomNumber(long roomId) {
        try {
            return rooms.get(roomId).number;
        } catch (NotFoundException e) {
            return "#" + roomId;
        }
    }
}
