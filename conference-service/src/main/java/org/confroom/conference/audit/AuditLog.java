package org.confroom.conference.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confroom.conference.ValidationException;
import org.confroom.conference.directory.ResultPage;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes audit rows. {@link #record} joins the caller's transaction, so a change and its audit row
 * commit together; {@link #recordSeparately} commits on its own, for refusals whose transaction rolls back.
 * {@link #search} reads them back, newest first.
 */
@ApplicationScoped
public class AuditLog {
    /** Largest page {@link #search} returns. */
    public static final int MAX_PAGE_SIZE = 200;
    /** Longest actor or action filter. */
    static final int MAX_FILTER = 100;

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
        e.actor = storable(actor);
        e.action = action;
        e.roomId = roomId;
        e.target = storable(target);
        e.outcome = outcome;
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v instanceof Number || v instanceof Boolean ? v : storable(v.toString()));
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

    /**
     * Finds audit rows, newest first.
     *
     * @param query the filter and the page
     * @return the page and the total count of matching rows
     * @throws ValidationException naming {@code actor}, {@code action}, {@code to}, {@code page} or {@code size}
     */
    @Transactional
    public ResultPage<AuditEvent> search(AuditQuery query) {
        if (query.page() < 0) {
            throw new ValidationException("page", "0 or more");
        }
        if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            throw new ValidationException("size", "1 to " + MAX_PAGE_SIZE);
        }
        if (query.from() != null && query.to() != null && !query.to().isAfter(query.from())) {
            throw new ValidationException("to", "must be after the start of the range (" + query.from() + ")");
        }
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        String actor = filter("actor", query.actor());
        if (actor != null) {
            where.add("actor = :actor");
            p.and("actor", actor);
        }
        String action = filter("action", query.action());
        if (action != null) {
            where.add("(action = :action or action like :family escape '!')");
            p.and("action", action).and("family", action.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ".%");
        }
        if (query.roomId() != null) {
            where.add("roomId = :room");
            p.and("room", query.roomId());
        }
        if (query.from() != null) {
            where.add("at >= :from");
            p.and("from", query.from());
        }
        if (query.to() != null) {
            where.add("at < :to");
            p.and("to", query.to());
        }
        String condition = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        List<AuditEvent> items = AuditEvent.<AuditEvent>find("from AuditEvent where " + condition + " order by at desc, id desc", p)
                .page(Page.of(query.page(), query.size())).list();
        return new ResultPage<>(items, query.page(), query.size(), AuditEvent.count(condition, p));
    }

    /**
     * @return the text with each NUL shown as U+2400 (␀): PostgreSQL keeps no NUL in text or jsonb, and a
     *     refused input that carried one (an injection attempt) must still be audited as it was typed
     */
    static String storable(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\u2400');
    }

    /** @return the trimmed filter text, or null when blank */
    private static String filter(String field, String value) {
        String v = value == null ? "" : storable(value.strip());
        if (v.length() > MAX_FILTER) {
            throw new ValidationException(field, "at most " + MAX_FILTER + " characters");
        }
        return v.isEmpty() ? null : v;
    }
}
