package org.confroom.web.rooms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Times as the rooms pages show them: the time of day for today, the date and time otherwise, in the server's zone. */
final class TimeText {
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TimeText() {
    }

    static String of(Instant t) {
        if (t == null) {
            return "";
        }
        ZonedDateTime z = t.atZone(ZoneId.systemDefault());
        return z.toLocalDate().equals(LocalDate.now(ZoneId.systemDefault())) ? TODAY.format(z) : OTHER_DAY.format(z);
    }

    static String of(OffsetDateTime t) {
        return t == null ? "" : of(t.toInstant());
    }
}
