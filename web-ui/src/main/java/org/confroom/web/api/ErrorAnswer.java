package org.confroom.web.api;

import java.util.Map;

/**
 * An error as the client gets it: JSON {@code {"error", "field"}} under {@code /api/}, the message for the
 * page's flash area on an htmx request, a whole page otherwise.
 *
 * @param status HTTP status
 * @param contentType of the body
 * @param headers extra headers ({@code HX-Retarget}, {@code Retry-After})
 * @param body JSON object (a map) or HTML text
 */
public record ErrorAnswer(int status, String contentType, Map<String, String> headers, Object body) {
}
