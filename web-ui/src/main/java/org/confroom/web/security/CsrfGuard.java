package org.confroom.web.security;

import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Closes the gap quarkus-rest-csrf leaves with {@code require-form-url-encoded=false}: a state-changing
 * request must carry its CSRF token somewhere the extension checks it, a form field (forms) or the
 * {@code X-CSRF-TOKEN} header (htmx, scripts), unless it authenticates with an API token, which a
 * browser never sends by itself.
 */
public class CsrfGuard {
    static final String HEADER = "X-CSRF-TOKEN";

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        switch (request.getMethod()) {
            case HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS:
                return null;
            default:
                break;
        }
        String auth = request.getHeaderString("Authorization");
        if (auth != null && auth.regionMatches(true, 0, BearerTokenMechanism.SCHEME, 0, BearerTokenMechanism.SCHEME.length())) {
            return null;
        }
        if (request.getHeaderString(HEADER) != null) {
            return null;
        }
        MediaType type = request.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || (type.getType().equals("multipart") && type.getSubtype().equals("form-data")))) {
            return null;
        }
        String message = "missing CSRF token: send the " + HEADER + " header (or use an API token)";
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", message)).build();
    }
}
