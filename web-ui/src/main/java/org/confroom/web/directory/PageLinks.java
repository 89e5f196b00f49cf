package org.confroom.web.directory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.ws.rs.core.HttpHeaders;

/** Small helpers of the directory and admin pages: links that keep a page's filters, and telling htmx requests apart. */
public final class PageLinks {
    private PageLinks() {
    }

    /**
     * @param path the page, for example {@code /contacts}
     * @param parameters filter values in order; null or blank ones are left out
     * @return the path with the parameters URL-encoded
     */
    public static String link(String path, Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        parameters.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                query.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** @return a modifiable ordered map for {@link #link} */
    public static Map<String, Object> parameters() {
        return new LinkedHashMap<>();
    }

    /** @return true for a request htmx sent for a part of the page (not a history restore, which wants the whole page) */
    public static boolean partial(HttpHeaders headers) {
        return headers.getHeaderString("HX-Request") != null && headers.getHeaderString("HX-History-Restore-Request") == null;
    }
}
