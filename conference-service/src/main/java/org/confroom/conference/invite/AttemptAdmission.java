package org.confroom.conference.invite;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.confroom.conference.directory.NumberNormalizer;
import org.confroom.conference.ConferenceException;
import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.pbx.PbxRegistry;
import org.confroom.conference.room.Room;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Admits one attempt: resolves and normalizes the number(s), checks room, de-duplication and dial
 * policy, and inserts the QUEUED row together with its audit row in one transaction. A refusal writes
 * no attempt row, only a REFUSED audit row (in a transaction of its own), and reaches the caller as
 * {@link ValidationException} (number rules, naming the field), {@link ConflictException} (already
 * being dialled, cooldown, archived room) or {@link NotFoundException} (room, contact).
 *
 * <p>The partial unique indexes on {@code call_attempt} are the last word on duplicates: of 20 parallel
 * requests for one number in one room exactly one insert commits, the others fail on the index and
 * are refused as "already being dialled".
 */
@ApplicationScoped
public class AttemptAdmission {
    /** Click-to-call is placed for a person waiting at the phone: before participants, after moderators. */
    private static final int CLICK_TO_CALL_PRIORITY = 50;

    @Inject
    AuditLog audit;

    @Inject
    PbxRegistry pbx;

    @Inject
    NumberNormalizer numbers;

    @Inject
    DialSettingsSource settings;

    @Inject
    AttemptHistory history;

    @Inject
    DirectoryReads directory;

    @Inject
    Event<AttemptQueued> queued;

    @Inject
    AttemptNotices notices;

    /**
     * @return the new QUEUED attempt
     * @throws ConferenceException when refused (audited as REFUSED)
     */
    @Transactional
    public CallAttempt admit(AttemptRequest r) {
        Room room = null;
        try {
            room = r.kind() == AttemptKind.INVITE ? dialableRoom(r.roomId()) : null;
            String number = resolveNumber(r);
            String connectTo = r.kind() == AttemptKind.CLICK_TO_CALL ? parse("to", r.typedConnectTo()) : null;
            if (number.equals(connectTo)) {
                throw new ValidationException("to", "must differ from the first number (" + number + ")");
            }
            requireNotActive(r, room, number, connectTo);
            DialPolicy policy = settings.current().policy();
            Instant now = Instant.now();
            requireDialable(policy, r.numberField(), number, now);
            if (connectTo != null) {
                requireDialable(policy, "to", connectTo, now);
            }
            CallAttempt a = insert(r, room, number, connectTo, now);
            audit.record(r.actor(), r.auditAction(), a.roomId, target(number, connectTo), AuditEvent.Outcome.OK, describe(a));
            queued.fire(new AttemptQueued(a.id, a.pbxId));
            notices.changed(a);
            return a;
        } catch (ConferenceException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("input", r.target());
            details.put("role", r.role());
            details.put("refused", e.getMessage());
            audit.recordSeparately(r.actor(), r.auditAction(), room == null ? null : room.id, r.target(),
                    AuditEvent.Outcome.REFUSED, details);
            throw e;
        }
    }

    private static Room dialableRoom(long roomId) {
        Room room = Room.findById(roomId);
        if (room == null) {
            throw new NotFoundException("no room with id " + roomId);
        }
        if (room.archived()) {
            throw new ConflictException("room " + room.number + " is archived and cannot be dialled into");
        }
        return room;
    }

    private String resolveNumber(AttemptRequest r) {
        if (r.contactId() == null) {
            return parse(r.numberField(), r.typedNumber());
        }
        return directory.contactNumber(r.contactId())
                .orElseThrow(() -> new NotFoundException("no contact with id " + r.contactId()));
    }

    private void requireNotActive(AttemptRequest r, Room room, String number, String connectTo) {
        Optional<CallAttempt> active = room != null ? history.activeInvite(room.id, number) : history.activeCall(number, connectTo);
        active.ifPresent(a -> {
            throw alreadyDialled(r, room, number, connectTo);
        });
    }

    private static ConflictException alreadyDialled(AttemptRequest r, Room room, String number, String connectTo) {
        return new ConflictException(r.kind() == AttemptKind.INVITE
                ? number + " is already being dialled into room " + room.number
                : "a call from " + number + " to " + connectTo + " is already being dialled");
    }

    private void requireDialable(DialPolicy policy, String field, String number, Instant now) {
        DialVerdict verdict = policy.checkNumber(number);
        if (!verdict.allowed()) {
            throw new ValidationException(field, verdict.message());
        }
        verdict = policy.checkCooldown(number, history.lastDialled(number), now);
        if (!verdict.allowed()) {
            throw new ConflictException(verdict.message());
        }
    }

    private CallAttempt insert(AttemptRequest r, Room room, String number, String connectTo, Instant now) {
        CallAttempt a = CallAttempt.queued(UUID.randomUUID(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        a.pbxId = room != null ? room.pbxId : pbx.defaultPbxId();
        a.roomId = room == null ? null : room.id;
        a.contactId = r.contactId();
        a.number = number;
        a.connectTo = connectTo;
        a.kind = r.kind();
        a.role = r.role();
        a.priority = r.kind() == AttemptKind.CLICK_TO_CALL ? CLICK_TO_CALL_PRIORITY : r.role().priority();
        a.requestedBy = r.actor();
        try {
            a.persist();
            Panache.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (UniqueViolations.isUniqueViolation(e)) {
                throw alreadyDialled(r, room, number, connectTo);
            }
            throw e;
        }
        return a;
    }

    private static String target(String number, String connectTo) {
        return connectTo == null ? number : number + " -> " + connectTo;
    }

    /** @return the audit details of a queued attempt */
    static Map<String, Object> describe(CallAttempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attempt", a.id);
        m.put("number", a.number);
        m.put("connectTo", a.connectTo);
        m.put("contactId", a.contactId);
        m.put("role", a.role);
        m.put("attemptNo", a.attemptNo);
        m.put("retryOf", a.retryOf);
        return m;
    }

    /** @return the stored form (E.164 or extension) of typed input, refusals naming {@code field} */
    private String parse(String field, String input) {
        try {
            return numbers.parse(input).value();
        } catch (ValidationException e) {
            throw e.forField(field);
        }
    }
}
