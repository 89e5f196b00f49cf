package org.confroom.conference.invite;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.room.Room;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The dispatcher's queries: claiming due attempts within the caps, and finding the attempts that are
 * on the PBX after a restart.
 *
 * <p>A claim runs under a transaction-scoped advisory lock per PBX, so two dispatchers (two
 * application instances, or a restart overlapping the old one) never count the caps at the same time,
 * and it locks the QUEUED rows it takes: a row is DIALING once the claim commits, and only then is its
 * Originate sent. An attempt is therefore sent at most once.
 */
@ApplicationScoped
public class AttemptQueue {
    /** Advisory lock key space of the dispatcher ("conf" in ASCII), plus the PBX id. */
    private static final long LOCK_BASE = 0x636f6e66_00000000L;
    private static final int BATCH = 200;
    private static final List<AttemptState> RINGING = List.of(AttemptState.DIALING, AttemptState.ANSWERED);

    @Inject
    AuditLog audit;

    @Inject
    AttemptNotices notices;

    /**
     * Claims the due QUEUED attempts of a PBX in priority order, as many as the caps allow. Attempts
     * whose room was archived, or whose number the policy now refuses, fail with POLICY instead.
     *
     * @return the claimed attempts, now DIALING, in the order they should be sent
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ClaimedCall> claim(long pbxId, DialSettings settings, Instant now) {
        EntityManager em = Panache.getEntityManager();
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)").setParameter(1, LOCK_BASE + pbxId).getResultList();
        Map<Long, Integer> perRoom = ringingPerRoom(em, pbxId);
        int onPbx = perRoom.values().stream().mapToInt(Integer::intValue).sum() + ringingWithoutRoom(em, pbxId);
        DialPolicy policy = settings.policy();
        List<ClaimedCall> claimed = new ArrayList<>();
        if (onPbx >= policy.maxConcurrentPerPbx()) {
            return claimed;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<CallAttempt> due = em.createQuery("from CallAttempt where pbxId = ?1 and state = ?2 and notBefore <= ?3 "
                + "order by priority, queuedAt, id", CallAttempt.class)
                .setParameter(1, pbxId).setParameter(2, AttemptState.QUEUED).setParameter(3, at)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(BATCH).getResultList();
        for (CallAttempt a : due) {
            Room room = a.roomId == null ? null : Room.findById(a.roomId);
            String refusal = refusal(a, room, policy);
            if (refusal != null) {
                a.fail(FailureReason.POLICY, refusal, at);
                notices.changed(a);
                audit.record("system", a.kind == AttemptKind.INVITE ? "invite.dispatch" : "click_to_call.dispatch",
                        a.roomId, a.number, AuditEvent.Outcome.REFUSED, Map.of("attempt", a.id, "refused", refusal));
                continue;
            }
            OptionalInt inRoom = room == null ? OptionalInt.empty() : OptionalInt.of(perRoom.getOrDefault(room.id, 0));
            if (!policy.mayStart(inRoom, onPbx)) {
                continue;
            }
            a.dialString = settings.dialString(a.number);
            a.moveTo(AttemptState.DIALING, at);
            notices.changed(a);
            onPbx++;
            if (room != null) {
                perRoom.merge(room.id, 1, Integer::sum);
            }
            claimed.add(toClaimed(a, room));
            if (onPbx >= policy.maxConcurrentPerPbx()) {
                break;
            }
        }
        return claimed;
    }

    /**
     * After a start: every attempt of the PBX that was DIALING is flagged outcome unknown (its
     * OriginateResponse went to the previous process), and the ids of all attempts on the PBX are returned
     * for reconciliation.
     *
     * @return the attempts in DIALING, ANSWERED or JOINED
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> onPbxAfterStart(long pbxId) {
        EntityManager em = Panache.getEntityManager();
        em.createQuery("update CallAttempt set outcomeUnknown = true where pbxId = ?1 and state = ?2")
                .setParameter(1, pbxId).setParameter(2, AttemptState.DIALING).executeUpdate();
        return em.createQuery("select id from CallAttempt where pbxId = ?1 and state in ?2", UUID.class)
                .setParameter(1, pbxId).setParameter(2, List.of(AttemptState.DIALING, AttemptState.ANSWERED, AttemptState.JOINED))
                .getResultList();
    }

    /**
     * An attempt to reconcile, as stored.
     *
     * @param id the attempt
     * @param kind invite or click-to-call
     * @param state its state
     * @param roomNumber invites: the conference to look in
     */
    public record OnPbx(UUID id, AttemptKind kind, AttemptState state, String roomNumber) {
    }

    /** @return those of the given attempts that are still DIALING, ANSWERED or JOINED */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OnPbx> stillOnPbx(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OnPbx> out = new ArrayList<>();
        for (CallAttempt a : CallAttempt.<CallAttempt>list("id in ?1", ids)) {
            if (a.state().isOnPbx()) {
                Room room = a.roomId == null ? null : Room.findById(a.roomId);
                out.add(new OnPbx(a.id, a.kind, a.state(), room == null ? null : room.number));
            }
        }
        return out;
    }

    private static Map<Long, Integer> ringingPerRoom(EntityManager em, long pbxId) {
        Map<Long, Integer> m = new HashMap<>();
        em.createQuery("select roomId, count(*) from CallAttempt where pbxId = ?1 and state in ?2 and roomId is not null "
                + "group by roomId", Object[].class).setParameter(1, pbxId).setParameter(2, RINGING)
                .getResultList().forEach(r -> m.put((Long) r[0], ((Number) r[1]).intValue()));
        return m;
    }

    private static int ringingWithoutRoom(EntityManager em, long pbxId) {
        return em.createQuery("select count(*) from CallAttempt where pbxId = ?1 and state in ?2 and roomId is null", Long.class)
                .setParameter(1, pbxId).setParameter(2, RINGING).getSingleResult().intValue();
    }

    private static String refusal(CallAttempt a, Room room, DialPolicy policy) {
        if (room != null && room.archived()) {
            return "room " + room.number + " was archived before the attempt was due";
        }
        for (String n : a.connectTo == null ? List.of(a.number) : List.of(a.number, a.connectTo)) {
            DialVerdict v = policy.checkNumber(n);
            if (!v.allowed()) {
                return v.message();
            }
        }
        return null;
    }

    private static ClaimedCall toClaimed(CallAttempt a, Room room) {
        return room == null
                ? new ClaimedCall(a.id, a.kind, a.number, a.connectTo, a.dialString, null, CallerIds.forCall(a.connectTo),
                        a.role, null, null)
                : new ClaimedCall(a.id, a.kind, a.number, null, a.dialString, room.number, CallerIds.forRoom(room), a.role,
                        room.bridgeProfile, room.userProfile);
    }
}
