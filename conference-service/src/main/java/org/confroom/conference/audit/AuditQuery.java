package org.confroom.conference.audit;

import java.time.OffsetDateTime;

/**
 * A filter over the audit log; every criterion is optional (null or blank means "any").
 *
 * @param actor exact user name or {@code token:<name>}
 * @param action an action ({@code contact.create}) or a family of actions ({@code contact} finds {@code contact.*})
 * @param roomId the room concerned
 * @param from earliest time, inclusive
 * @param to latest time, exclusive
 * @param page page index from 0
 * @param size page size, 1 to {@value AuditLog#MAX_PAGE_SIZE}
 */
public record AuditQuery(String actor, String action, Long roomId, OffsetDateTime from, OffsetDateTime to, int page, int size) {

    /** @return the newest {@code size} events of every kind */
    public static AuditQuery latest(int size) {
        return new AuditQuery(null, null, null, null, null, 0, size);
    }

    /** @return the same filter on another page */
    public AuditQuery withPage(int otherPage) {
        return new AuditQuery(actor, action, roomId, from, to, otherPage, size);
    }
}
