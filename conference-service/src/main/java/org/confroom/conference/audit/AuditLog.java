package org.confroom.conference.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes audit rows. {@link #record} joins the caller's transaction, so a change and its audit row
 * commit together; {@link #recordSeparately} commits on its own, for refusals whose transaction rolls back.
 */
@ApplicationScoped
public class AuditLog {

    /**
     * Records a command in the current transaction.
     *
     * @param actor who
     * @param action what
     * @param roomId room concerned, or null
     * @param target object acted on, or null
     * @param outcome how it ended
     * @param details key/value pairs (values: strings, numbers, booleans); null values are left out
     * @return the row
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String actor, String action, Long roomId, String target, AuditEvent.Outcome outcome,
            Map<String, ?> details) {
        AuditEvent e = new AuditEvent();
        e.actor = actor;
        e.action = action;
        e.roomId = roomId;
        e.target = target;
        e.outcome = outcome;
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v instanceof Number || v instanceof Boolean ? v : v.toString());
            }
        });
        e.details = copy;
        e.persist();
        return e;
    }

    /** Same as {@link #record} in a transaction of its own (for refused or failed commands). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditEvent recordSeparately(String actor, String action, Long roomId, String target,
            AuditEvent.Outcome outcome, Map<String, ?> details) {
        return record(actor, action, roomId, target, outcome, details);
    }
}
