package org.confroom.web.page;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** How times and durations read on the pages: UTC, to the second, the same everywhere. */
@TemplateExtension
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** {@code {instant.clock}}: 09:48:25 UTC */
    static String clock(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** {@code {time.clock}} */
    static String clock(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t);
    }

    /** {@code {instant.stamp}}: 2026-11-29 09:48:25 UTC */
    static String stamp(Instant t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    /** {@code {time.stamp}} */
    static String stamp(OffsetDateTime t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    /** {@code {duration.hms}}: 1:02:03 or 2:03 */
    static String hms(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s % 3600 / 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
    }
}
