package org.confroom.conference.invite;

import java.lang.System.Logger.Level;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Applies {@link AttemptChange}s, each in a short transaction of its own on the attempt's locked row. */
@ApplicationScoped
public class AttemptProgress {
    private static final System.Logger LOG = System.getLogger(AttemptProgress.class.getName());

    @Inject
    AttemptNotices notices;

    /**
     * @param id the attempt
     * @param what what happened, for the log
     * @param change the change
     * @return the attempt after the change, empty when the change did not apply (or the attempt does not exist)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<CallAttempt> apply(UUID id, String what, AttemptChange change) {
        return applyInCurrent(id, what, change);
    }

    /** Same as {@link #apply} in the caller's transaction (for a change audited together with it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CallAttempt> applyInCurrent(UUID id, String what, AttemptChange change) {
        CallAttempt a = Panache.getEntityManager().find(CallAttempt.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            return Optional.empty();
        }
        AttemptState before = a.state();
        if (!change.applyTo(a, OffsetDateTime.now(ZoneOffset.UTC))) {
            LOG.log(Level.DEBUG, () -> "attempt " + id + " " + before + ": " + what + " changes nothing");
            return Optional.empty();
        }
        LOG.log(Level.DEBUG, () -> "attempt " + id + " " + before + " -> " + a.state() + ": " + what);
        notices.changed(a);
        return Optional.of(a);
    }

    /** @return an attempt as stored now */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<CallAttempt> load(UUID id) {
        return CallAttempt.findByIdOptional(id);
    }
}
