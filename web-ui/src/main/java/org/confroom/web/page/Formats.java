package org.confroom.web.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** How the PBX banner reads a time: UTC, to the second. */
@TemplateExtension
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** {@code {instant.clock}}: 09:48:25 UTC */
    static String clock(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
