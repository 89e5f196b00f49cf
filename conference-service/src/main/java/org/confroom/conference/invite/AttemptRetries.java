package org.confroom.conference.invite;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Queues the retry of an invite that failed BUSY or NO_ANSWER: a new QUEUED attempt with
 * {@code retry_of}, {@code attempt_no + 1} and {@code not_before = failed_at + retry delay}, up to the
 * policy's maximum, audited as {@code invite.retry} by {@code system}. The cooldown does not apply to
 * retries (they have their own delay).
 */
@ApplicationScoped
public class AttemptRetries {
    @Inject
    AuditLog audit;

    @Inject
    AttemptNotices notices;

    /**
     * @param failedId a FAILED attempt
     * @param policy the policy in effect
     * @return the retry, empty when none is due
     * @throws jakarta.persistence.PersistenceException with a unique violation when the number is being dialled
     *     into the room again meanwhile (then no retry is needed)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<CallAttempt> retry(UUID failedId, DialPolicy policy) {
        CallAttempt failed = CallAttempt.findById(failedId);
        if (failed == null || failed.kind != AttemptKind.INVITE || failed.state() != AttemptState.FAILED) {
            return Optional.empty();
        }
        Optional<Instant> due = policy.retryAt(failed.failureReason(), failed.attemptNo, failed.failedAt().toInstant());
        if (due.isEmpty()) {
            return Optional.empty();
        }
        CallAttempt r = failed.retry(OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.ofInstant(due.get(), ZoneOffset.UTC));
        r.persist();
        Panache.getEntityManager().flush();
        Map<String, Object> details = new LinkedHashMap<>(AttemptAdmission.describe(r));
        details.put("after", failed.failureReason());
        details.put("notBefore", r.notBefore);
        audit.record("system", "invite.retry", r.roomId, r.number, AuditEvent.Outcome.OK, details);
        notices.changed(r);
        return Optional.of(r);
    }
}
