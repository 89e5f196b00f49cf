package org.confroom.web.directory;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditQuery;

/**
 * The audit filters as typed (page and API share them): times as ISO-8601 with an offset
 * ({@code 2024-03-01T12:00:00Z}) or local to the server's time zone ({@code 2024-03-01T12:00}, what a
 * {@code datetime-local} field sends); the room by its id.
 */
public record AuditFilter(String actor, String action, String room, String from, String to) {

    /** @return the service query for page {@code page} of {@code size} rows */
    public AuditQuery query(int page, int size) {
        return new AuditQuery(actor, action, roomId(), time("from", from), time("to", to), page, size);
    }

    /** @return the room id filtered on, or null for any room */
    public Long roomId() {
        if (room == null || room.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(room.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("room", "a room id such as 12, or nothing for any room");
        }
    }

    /** @return the time, or null when blank */
    static OffsetDateTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                throw new ValidationException(field, "'" + t + "' is not a date and time such as 2024-03-01T12:00 or 2024-03-01T12:00:00Z");
            }
        }
    }
}
