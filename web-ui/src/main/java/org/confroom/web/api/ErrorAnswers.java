package org.confroom.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

/** Builds {@link ErrorAnswer}s, for the exception mappers and for failures outside JAX-RS (login layer). */
@ApplicationScoped
public class ErrorAnswers {
    @Inject
    @Location("error.html")
    Template errorPage;

    @Inject
    @Location("unavailable.html")
    Template unavailablePage;

    /**
     * @param path the request path
     * @param htmx true for an htmx request
     * @param status HTTP status
     * @param message for the user
     * @param field the input field at fault, or null
     * @param standalone true for a page without the layout (which needs the logged-in user)
     */
    public ErrorAnswer of(String path, boolean htmx, int status, String message, String field, boolean standalone) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (status == 503) {
            headers.put("Retry-After", "5");
        }
        if (path.startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            if (field != null) {
                body.put("field", field);
            }
            return new ErrorAnswer(status, MediaType.APPLICATION_JSON, headers, body);
        }
        if (htmx) {
            headers.put("HX-Retarget", "#flash");
            headers.put("HX-Reswap", "innerHTML");
            return new ErrorAnswer(status, MediaType.TEXT_HTML, headers,
                    errorPage.getFragment("message").data("status", status).data("message", message).render());
        }
        Template page = standalone ? unavailablePage : errorPage;
        // the layout marks the current menu entry from "nav": without it the error page itself failed to render (a 500)
        return new ErrorAnswer(status, MediaType.TEXT_HTML, headers,
                page.data("status", status).data("message", message).data("nav", "error").render());
    }
}
