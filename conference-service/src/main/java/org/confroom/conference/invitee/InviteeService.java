package org.confroom.conference.invitee;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.directory.ConstraintViolations;
import org.confroom.conference.directory.Contact;
import org.confroom.conference.directory.RefusalAudit;
import org.confroom.conference.room.Room;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Who belongs to a room: add directory contacts with a role and an auto-dial flag, change them, remove
 * them, list them (moderators first, then by name). Archived rooms cannot be changed. Every change is
 * audited per contact ({@code invitee.add}, {@code invitee.change}, {@code invitee.remove}); refusals are
 * audited as {@code REFUSED}.
 */
@ApplicationScoped
public class InviteeService {
    /** Most contacts one {@link #add} takes. */
    public static final int MAX_PER_REQUEST = 1000;
    private static final String TABLE_CONSTRAINTS = "room_invitee_";

    @Inject
    AuditLog audit;

    @Inject
    RefusalAudit refusals;

    /**
     * Invites contacts to a room; all or none.
     *
     * @param roomId the room
     * @param contactIds the contacts, 1 to {@value #MAX_PER_REQUEST}; repeats count once
     * @param role their role
     * @param autoDial true when "call everyone" dials them
     * @param actor who
     * @return the new invitees, in the order given
     * @throws ValidationException naming {@code contacts} or {@code role}
     * @throws NotFoundException for an unknown room or contact
     * @throws ConflictException for an archived room or a contact already invited (the message names them)
     */
    @Transactional
    public List<Invitee> add(long roomId, Collection<Long> contactIds, InviteeRole role, boolean autoDial, String actor) {
        String target = "contacts " + contactIds;
        return refusals.run(actor, "invitee.add", auditRoom(roomId), target, () -> {
            Set<Long> ids = requireContactIds(contactIds);
            requireRole(role);
            Room room = changeableRoom(roomId);
            Map<Long, Contact> contacts = contacts(ids);
            refuseAlreadyInvited(room, ids, contacts);
            List<Invitee> added = new ArrayList<>();
            ConstraintViolations.guard(TABLE_CONSTRAINTS, () -> changedMeanwhile(room), () -> {
                for (Long id : ids) {
                    RoomInvitee invitee = new RoomInvitee();
                    invitee.roomId = room.id;
                    invitee.contactId = id;
                    invitee.role = role;
                    invitee.autoDial = autoDial;
                    invitee.persist();
                    added.add(Invitee.of(invitee, contacts.get(id)));
                }
            });
            added.forEach(i -> audit.record(actor, "invitee.add", room.id, i.number().value(), AuditEvent.Outcome.OK, describe(i)));
            return added;
        });
    }

    /**
     * Changes an invitee's role and auto-dial flag.
     *
     * @throws NotFoundException for an unknown room, or a contact that is not invited
     * @throws ConflictException for an archived room
     */
    @Transactional
    public Invitee change(long roomId, long contactId, InviteeRole role, boolean autoDial, String actor) {
        return refusals.run(actor, "invitee.change", auditRoom(roomId), "contact " + contactId, () -> {
            requireRole(role);
            Room room = changeableRoom(roomId);
            RoomInvitee invitee = invitee(room, contactId);
            InviteeRole oldRole = invitee.role;
            boolean oldAutoDial = invitee.autoDial;
            invitee.role = role;
            invitee.autoDial = autoDial;
            Invitee changed = Invitee.of(invitee, Contact.findById(contactId));
            Map<String, Object> details = describe(changed);
            details.put("old.role", oldRole);
            details.put("old.autoDial", oldAutoDial);
            audit.record(actor, "invitee.change", room.id, changed.number().value(), AuditEvent.Outcome.OK, details);
            return changed;
        });
    }

    /**
     * Removes a contact from a room (the contact stays in the directory).
     *
     * @throws NotFoundException for an unknown room, or a contact that is not invited
     * @throws ConflictException for an archived room
     */
    @Transactional
    public void remove(long roomId, long contactId, String actor) {
        refusals.run(actor, "invitee.remove", auditRoom(roomId), "contact " + contactId, () -> {
            Room room = changeableRoom(roomId);
            RoomInvitee invitee = invitee(room, contactId);
            Invitee removed = Invitee.of(invitee, Contact.findById(contactId));
            invitee.delete();
            audit.record(actor, "invitee.remove", room.id, removed.number().value(), AuditEvent.Outcome.OK, describe(removed));
        });
    }

    /**
     * Lists a room's invitees (archived rooms too): moderators first, then by name.
     *
     * @throws NotFoundException for an unknown room
     */
    @Transactional
    public List<Invitee> list(long roomId) {
        if (Room.findById(roomId) == null) {
            throw new NotFoundException("no room with id " + roomId);
        }
        return Panache.getEntityManager().createQuery("select i, c from RoomInvitee i join Contact c on c.id = i.contactId"
                + " where i.roomId = :room order by case when i.role = :moderator then 0 else 1 end, lower(c.name), c.id",
                Object[].class)
                .setParameter("room", roomId).setParameter("moderator", InviteeRole.MODERATOR)
                .getResultStream().map(r -> Invitee.of((RoomInvitee) r[0], (Contact) r[1])).toList();
    }

    /** The room, locked against a concurrent archive until this transaction ends. */
    private static Room changeableRoom(long roomId) {
        Room room = Room.findById(roomId, LockModeType.PESSIMISTIC_READ);
        if (room == null) {
            throw new NotFoundException("no room with id " + roomId);
        }
        if (room.archived()) {
            throw new ConflictException("room " + room.number + " '" + room.name + "' is archived; its invitees cannot be changed");
        }
        return room;
    }

    private static RoomInvitee invitee(Room room, long contactId) {
        RoomInvitee invitee = RoomInvitee.findById(new RoomInvitee.Key(room.id, contactId));
        if (invitee == null) {
            throw new NotFoundException("contact " + contactId + " is not invited to room " + room.number);
        }
        return invitee;
    }

    private static Set<Long> requireContactIds(Collection<Long> contactIds) {
        if (contactIds == null || contactIds.isEmpty()) {
            throw new ValidationException("contacts", "choose at least one contact");
        }
        if (contactIds.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("contacts", "a contact id is missing");
        }
        Set<Long> ids = new LinkedHashSet<>(contactIds);
        if (ids.size() > MAX_PER_REQUEST) {
            throw new ValidationException("contacts", "at most " + MAX_PER_REQUEST + " contacts at once");
        }
        return ids;
    }

    private static void requireRole(InviteeRole role) {
        if (role == null) {
            throw new ValidationException("role", "MODERATOR or PARTICIPANT");
        }
    }

    private static Map<Long, Contact> contacts(Set<Long> ids) {
        Map<Long, Contact> found = Contact.<Contact>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<Long> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new NotFoundException("no contact with id " + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return found;
    }

    private static void refuseAlreadyInvited(Room room, Set<Long> ids, Map<Long, Contact> contacts) {
        List<RoomInvitee> existing = RoomInvitee.list("roomId = ?1 and contactId in ?2", room.id, ids);
        if (!existing.isEmpty()) {
            throw new ConflictException("already invited to room " + room.number + ": "
                    + existing.stream().map(i -> contacts.get(i.contactId).label()).collect(Collectors.joining(", "))
                    + "; change their role instead, or leave them out");
        }
    }

    /** The room id for an audit row of a refusal: null when the room does not exist (the row must not point at it). */
    private static Long auditRoom(long roomId) {
        return Room.count("id", roomId) > 0 ? roomId : null;
    }

    private static ConflictException changedMeanwhile(Room room) {
        return new ConflictException("the invitees of room " + room.number
                + " or one of the contacts were changed by someone else meanwhile; reload and try again");
    }

    private static Map<String, Object> describe(Invitee i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contactId", i.contactId());
        m.put("name", i.name());
        m.put("number", i.number().value());
        m.put("role", i.role());
        m.put("autoDial", i.autoDial());
        return m;
    }
}
