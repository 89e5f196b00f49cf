package org.confroom.conference.invite;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusMock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What the attempt tests share: settings for one test, rooms, waiting for an attempt's state, and
 * reading attempts and audit rows.
 */
@ApplicationScoped
public class AttemptTestSupport {
    /** Generous: the simulator runs at 0.05 of real time, but the machine is shared. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DialSettingsSource settings;

    @Inject
    RoomService rooms;

    /**
     * Installs settings for the current test: the configured ones without retries and cooldown (each test
     * turns on what it checks), changed by {@code change}.
     */
    public void use(UnaryOperator<DialSettings> change) {
        DialSettings base = settings.current();
        DialSettings quiet = base.withPolicy(base.policy().toBuilder().retries(0, Duration.ZERO).cooldown(Duration.ZERO).build());
        QuarkusMock.installMockForType(new FixedDialSettings(change.apply(quiet)), DialSettingsSource.class);
    }

    /** @return a new room with this conference number */
    public Room room(String number) {
        return rooms.create(RoomDraft.of(number, "Room " + number), "alice");
    }

    /** Waits until the attempt matches; returns it. */
    public CallAttempt await(UUID id, Predicate<CallAttempt> condition, String what) throws InterruptedException {
        Awaits.until(() -> condition.test(load(id)), WAIT, () -> "attempt " + id + " " + what + " (now " + load(id) + ")");
        return load(id);
    }

    /** Waits until the attempt is in this state. */
    public CallAttempt await(UUID id, AttemptState state) throws InterruptedException {
        return await(id, a -> a.state() == state, "to be " + state);
    }

    /** Waits until the attempt failed with this reason. */
    public CallAttempt awaitFailure(UUID id, FailureReason reason) throws InterruptedException {
        CallAttempt a = await(id, x -> x.state().isFinal(), "to finish");
        if (a.failureReason() != reason) {
            throw new AssertionError("expected FAILED " + reason + " but was " + a + " (" + a.failureDetail + ")");
        }
        return a;
    }

    /** @return the attempt as stored */
    @Transactional
    public CallAttempt load(UUID id) {
        return CallAttempt.findById(id);
    }

    /** @return the attempts for a number in a room, oldest first */
    @Transactional
    public List<CallAttempt> attempts(long roomId, String number) {
        return CallAttempt.list("roomId = ?1 and number = ?2 order by queuedAt, attemptNo", roomId, number);
    }

    /** @return how many attempts of the room are DIALING or ANSWERED now */
    @Transactional
    public long ringing(long roomId) {
        return CallAttempt.count("roomId = ?1 and state in ?2", roomId, List.of(AttemptState.DIALING, AttemptState.ANSWERED));
    }

    /** @return the audit rows of an action with this target, oldest first */
    @Transactional
    public List<AuditEvent> audits(String action, String target) {
        return AuditEvent.list("action = ?1 and target = ?2 order by id", action, target);
    }

    /** @return the id of a new directory contact (written with SQL: the directory's entities are not needed) */
    @Transactional
    public long contact(String name, String number) {
        return ((Number) Panache.getEntityManager()
                .createNativeQuery("insert into contact (name, number) values (?1, ?2) returning id")
                .setParameter(1, name).setParameter(2, number).getSingleResult()).longValue();
    }

    /** Adds a contact to a room's invitees. */
    @Transactional
    public void invitee(long roomId, long contactId, String role, boolean autoDial) {
        Panache.getEntityManager().createNativeQuery(
                "insert into room_invitee (room_id, contact_id, role, auto_dial) values (?1, ?2, ?3, ?4)")
                .setParameter(1, roomId).setParameter(2, contactId).setParameter(3, role).setParameter(4, autoDial)
                .executeUpdate();
    }

    /** @return an attempt stored as DIALING, as a process that crashed after claiming it would have left it */
    @Transactional
    public CallAttempt dialingRow(Room room, String number) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CallAttempt a = CallAttempt.queued(UUID.randomUUID(), now);
        a.pbxId = room.pbxId;
        a.roomId = room.id;
        a.number = number;
        a.requestedBy = "crashed";
        a.dialString = "Local/" + number + "@phones";
        a.moveTo(AttemptState.DIALING, now);
        a.persist();
        return a;
    }
}
