package org.confroom.conference.invite;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Queries over past and active attempts that the admission checks need. */
@ApplicationScoped
public class AttemptHistory {
    private static final List<AttemptState> FINAL = List.of(AttemptState.ENDED, AttemptState.FAILED);

    /**
     * @return when an attempt that reached the PBX last started or ended for this number, as first or
     *     as second party (attempts cancelled or refused while queued never dialled and do not count)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> lastDialled(String number) {
        Object last = Panache.getEntityManager().createNativeQuery("""
                select max(t) from (
                  select greatest(dialing_at, answered_at, joined_at, ended_at, failed_at) as t
                    from call_attempt where number = ?1 and dialing_at is not null
                  union all
                  select greatest(dialing_at, answered_at, joined_at, ended_at, failed_at)
                    from call_attempt where connect_to = ?1 and dialing_at is not null) recent
                """).setParameter(1, number).getSingleResult();
        return Optional.ofNullable(last).map(AttemptHistory::instant);
    }

    /** @return the active attempt that dials this number into this room, if any */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CallAttempt> activeInvite(long roomId, String number) {
        return CallAttempt.find("roomId = ?1 and number = ?2 and state not in ?3", roomId, number, FINAL)
                .firstResultOptional();
    }

    /** @return the active click-to-call between these numbers, if any */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CallAttempt> activeCall(String number, String connectTo) {
        return CallAttempt.find("kind = ?1 and number = ?2 and connectTo = ?3 and state not in ?4",
                AttemptKind.CLICK_TO_CALL, number, connectTo, FINAL).firstResultOptional();
    }

    /** @return an attempt by id */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CallAttempt> find(UUID id) {
        return CallAttempt.findByIdOptional(id);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
