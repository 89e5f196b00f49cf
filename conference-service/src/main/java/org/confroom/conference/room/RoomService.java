package org.confroom.conference.room;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.confroom.conference.ConflictException;
import org.confroom.conference.InputText;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.pbx.PbxRegistry;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Rooms: create, edit, archive, find. Every change is audited in its own transaction. */
@ApplicationScoped
public class RoomService {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,20}");
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CALLER_NUM = Pattern.compile("\\+?[0-9]{1,20}");
    private static final Pattern PIN = Pattern.compile("[0-9]{4,12}");

    @Inject
    AuditLog audit;

    @Inject
    PbxRegistry pbx;

    /**
     * Creates a room.
     *
     * @throws ValidationException naming the field at fault
     * @throws ConflictException when the number is taken on this PBX
     */
    @Transactional
    public Room create(RoomDraft draft, String actor) {
        Room room = new Room();
        room.pbxId = pbx.defaultPbxId();
        apply(room, draft);
        requireFreeNumber(room.number, null);
        room.persist();
        audit.record(actor, "room.create", room.id, room.number, AuditEvent.Outcome.OK, describe(room));
        return room;
    }

    /**
     * Edits a room; {@code expectedVersion} guards against overwriting another operator's edit.
     *
     * @throws NotFoundException for an unknown or archived room
     * @throws ConflictException for a taken number or a stale version
     */
    @Transactional
    public Room update(long id, int expectedVersion, RoomDraft draft, String actor) {
        Room room = get(id);
        if (room.archived()) {
            throw new ConflictException("room " + room.number + " is archived and cannot be edited");
        }
        if (room.version != expectedVersion) {
            throw new ConflictException("room " + room.number + " was changed by someone else meanwhile; reload and try again");
        }
        apply(room, draft);
        // stamped before the number check: its query flushes the row, so the version goes up once per edit
        room.updatedAt = OffsetDateTime.now();
        requireFreeNumber(room.number, room.id);
        audit.record(actor, "room.update", room.id, room.number, AuditEvent.Outcome.OK, describe(room));
        return room;
    }

    /** Archives a room: it keeps its history, leaves the list and can no longer be dialled. */
    @Transactional
    public Room archive(long id, String actor) {
        Room room = get(id);
        if (!room.archived()) {
            room.archivedAt = OffsetDateTime.now();
            room.updatedAt = room.archivedAt;
            audit.record(actor, "room.archive", room.id, room.number, AuditEvent.Outcome.OK, Map.of());
        }
        return room;
    }

    /** @throws NotFoundException when there is no such room */
    @Transactional
    public Room get(long id) {
        Room room = Room.findById(id);
        if (room == null) {
            throw new NotFoundException("no room with id " + id);
        }
        return room;
    }

    /** @return the active room with this conference number on the default PBX */
    @Transactional
    public java.util.Optional<Room> findActiveByNumber(String number) {
        return Room.find("pbxId = ?1 and number = ?2 and archivedAt is null", pbx.defaultPbxId(), number).firstResultOptional();
    }

    /** @return rooms that are not archived, by number */
    @Transactional
    public List<Room> listActive() {
        return Room.list("archivedAt is null", Sort.by("number"));
    }

    /** @return every room, archived ones included (after the active ones), by number */
    @Transactional
    public List<Room> listAll() {
        return Room.list("order by case when archivedAt is null then 0 else 1 end, number");
    }

    private void requireFreeNumber(String number, Long self) {
        long taken = self == null ? Room.count("pbxId = ?1 and number = ?2", pbx.defaultPbxId(), number)
                : Room.count("pbxId = ?1 and number = ?2 and id <> ?3", pbx.defaultPbxId(), number, self);
        if (taken > 0) {
            throw new ConflictException("room number " + number + " is already used on this PBX");
        }
    }

    private static void apply(Room room, RoomDraft d) {
        room.number = required("number", d.number(), NUMBER, "digits only, 1 to 20");
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new ValidationException("name", "required, at most 200 characters");
        }
        InputText.refuseControlCharacters("name", name, false);
        room.name = name;
        room.bridgeProfile = orDefault("bridgeProfile", d.bridgeProfile(), PROFILE, "default_bridge");
        room.userProfile = orDefault("userProfile", d.userProfile(), PROFILE, "default_user");
        if (d.maxMembers() != null && (d.maxMembers() < 2 || d.maxMembers() > 1000)) {
            throw new ValidationException("maxMembers", "between 2 and 1000, or empty for no limit");
        }
        room.maxMembers = d.maxMembers();
        String cidName = blankToNull(d.callerIdName());
        if (cidName != null && (cidName.length() > 80 || cidName.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '<' || c == '>'))) {
            throw new ValidationException("callerIdName", "at most 80 characters, no quotes, angle brackets or control characters");
        }
        room.callerIdName = cidName;
        room.callerIdNum = optional("callerIdNum", d.callerIdNum(), CALLER_NUM, "digits with an optional leading +");
        room.pin = optional("pin", d.pin(), PIN, "4 to 12 digits");
    }

    private static String required(String field, String value, Pattern p, String rule) {
        String v = value == null ? "" : value.strip();
        if (!p.matcher(v).matches()) {
            throw new ValidationException(field, v.isEmpty() ? "required (" + rule + ")" : "'" + v + "' is not valid: " + rule);
        }
        return v;
    }

    private static String optional(String field, String value, Pattern p, String rule) {
        String v = blankToNull(value);
        return v == null ? null : required(field, v, p, rule);
    }

    private static String orDefault(String field, String value, Pattern p, String fallback) {
        String v = blankToNull(value);
        return v == null ? fallback : required(field, v, p, "letters, digits, '_' and '-'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> describe(Room r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", r.number);
        m.put("name", r.name);
        m.put("bridgeProfile", r.bridgeProfile);
        m.put("userProfile", r.userProfile);
        m.put("maxMembers", r.maxMembers);
        m.put("callerIdNum", r.callerIdNum);
        m.put("pin", r.pin == null ? null : "set");
        return m;
    }
}
