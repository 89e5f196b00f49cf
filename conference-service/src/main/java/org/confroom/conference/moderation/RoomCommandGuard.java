package org.confroom.conference.moderation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.confroom.conference.ConferenceException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The first step of every command on a room (moderation, merges): find the room, refuse an unknown or
 * archived one, and audit every refusal in a transaction of its own (the caller's rolls back).
 */
@ApplicationScoped
public class RoomCommandGuard {
    @Inject
    RoomService rooms;

    @Inject
    AuditLog audit;

    /**
     * @param action the audit action, for example {@code member.mute}
     * @param target what the command acts on, or null for the room itself
     * @return the room, if it exists and is not archived
     * @throws NotFoundException otherwise (audited as refused; an unknown room with no room id, target
     *     {@code room <id>})
     */
    @Transactional
    public Room activeRoom(long roomId, String action, String target, String actor) {
        Room room;
        try {
            room = rooms.get(roomId);
        } catch (NotFoundException e) {
            audit.recordSeparately(actor, action, null, target == null ? "room " + roomId : target,
                    AuditEvent.Outcome.REFUSED, Map.of("error", e.getMessage()));
            throw e;
        }
        if (room.archived()) {
            throw refuse(room, action, target == null ? room.number : target, actor,
                    new NotFoundException("room " + room.number + " is archived"));
        }
        return room;
    }

    /**
     * Audits a refusal in its own transaction.
     *
     * @return the error, for the caller to throw
     */
    public <E extends ConferenceException> E refuse(Room room, String action, String target, String actor, E error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("conference", room.number);
        details.put("error", error.getMessage());
        audit.recordSeparately(actor, action, room.id, target, AuditEvent.Outcome.REFUSED, details);
        return error;
    }
}
