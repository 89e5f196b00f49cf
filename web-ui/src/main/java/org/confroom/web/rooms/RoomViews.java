package org.confroom.web.rooms;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.directory.ContactService;
import org.confroom.conference.invite.CallAttempt;
import org.confroom.conference.invite.InvitationService;
import org.confroom.conference.invite.InviteTarget;
import org.confroom.conference.invitee.InviteeRole;
import org.confroom.conference.live.LiveRoom;
import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.room.Room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the rooms pages and the rooms API read and parse alike: live view, attempts with contact names, typed input. */
@ApplicationScoped
public class RoomViews {
    /** Attempts shown per room. */
    static final int ATTEMPTS_SHOWN = 50;
    /** Most numbers one "invite numbers" request takes. */
    static final int MAX_NUMBERS = 100;

    @Inject
    LiveRooms live;

    @Inject
    InvitationService invitations;

    @Inject
    ContactService contacts;

    /** A room's live view and its recent attempts, from one read of the attempts. */
    record LiveAndAttempts(LiveView live, List<AttemptView> attempts) {
    }

    LiveView live(Room room) {
        Optional<LiveRoom> conference = live.room(room.number);
        return conference.isEmpty() ? LiveView.of(room.number, conference, live.status(), Map.of())
                : liveAndAttempts(room, conference).live();
    }

    LiveAndAttempts liveAndAttempts(Room room) {
        return liveAndAttempts(room, live.room(room.number));
    }

    private LiveAndAttempts liveAndAttempts(Room room, Optional<LiveRoom> conference) {
        List<AttemptView> attempts = attempts(room.id);
        Map<String, LiveView.Dialled> byChannel = new HashMap<>();
        for (AttemptView a : attempts) {
            if (a.channel() != null) {
                // a member that confroom dialled is its attempt's channel (the ;1 side of the Local channel)
                byChannel.putIfAbsent(a.channel(), new LiveView.Dialled(a.number(), a.contactName()));
            }
        }
        return new LiveAndAttempts(LiveView.of(room.number, conference, live.status(), byChannel), attempts);
    }

    List<AttemptView> attempts(long roomId) {
        List<CallAttempt> recent = invitations.recentForRoom(roomId, ATTEMPTS_SHOWN);
        Map<Long, String> names = new HashMap<>();
        return recent.stream().map(a -> AttemptView.of(a, a.contactId == null ? null
                : names.computeIfAbsent(a.contactId, this::contactName))).toList();
    }

    private String contactName(long id) {
        try {
            return contacts.get(id).name;
        } catch (NotFoundException e) {
            return null; // deleted from the directory since
        }
    }

    /**
     * @param text numbers one per line or separated by commas or semicolons
     * @return the numbers as typed, blanks dropped
     * @throws ValidationException ({@code numbers}) for none or too many
     */
    static List<String> numbers(String text) {
        List<String> numbers = text == null ? List.of()
                : Arrays.stream(text.split("[,;\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (numbers.isEmpty()) {
            throw new ValidationException("numbers", "enter at least one number (one per line or separated by commas)");
        }
        if (numbers.size() > MAX_NUMBERS) {
            throw new ValidationException("numbers", "at most " + MAX_NUMBERS + " numbers at once (got " + numbers.size() + ")");
        }
        return numbers;
    }

    static List<InviteTarget> numberTargets(List<String> numbers, InviteeRole role) {
        return numbers.stream().map(n -> InviteTarget.number(n, role)).toList();
    }

    /** @throws ValidationException ({@code role}) unless MODERATOR or PARTICIPANT (any case) */
    static InviteeRole role(String text) {
        try {
            return InviteeRole.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("role", "MODERATOR or PARTICIPANT");
        }
    }
}
