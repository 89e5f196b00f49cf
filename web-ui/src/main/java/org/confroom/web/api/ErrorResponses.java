package org.confroom.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.confroom.conference.ConferenceException;
import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.invite.IllegalTransitionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * One place that turns the services' errors into answers: JSON {@code {"error", "field"}} on the API,
 * a message in the page's flash area for htmx requests (status kept, {@code HX-Retarget: #flash}), an
 * error page otherwise. 400 bad input, 404 gone, 409 conflicting state, 502 Asterisk refused or
 * unreachable.
 */
public class ErrorResponses {
    @Inject
    @Location("error.html")
    Template errorPage;

    @ServerExceptionMapper
    public Response validation(ValidationException e, HttpServerRequest request) {
        return respond(request, 400, e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return respond(request, 404, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, HttpServerRequest request) {
        return respond(request, 409, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response transition(IllegalTransitionException e, HttpServerRequest request) {
        return respond(request, 409, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response pbx(PbxCommandException e, HttpServerRequest request) {
        return respond(request, 502, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response other(ConferenceException e, HttpServerRequest request) {
        return respond(request, 400, e.getMessage(), null);
    }

    Response respond(HttpServerRequest request, int status, String message, String field) {
        if (request.path().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            if (field != null) {
                body.put("field", field);
            }
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        String html = errorPage.getFragment("message").data("status", status).data("message", message).render();
        if (request.getHeader("HX-Request") != null) {
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE).header("HX-Retarget", "#flash")
                    .header("HX-Reswap", "innerHTML").entity(html).build();
        }
        // the layout marks the current menu entry from "nav": without it the error page itself failed to render (a 500)
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(errorPage.data("status", status).data("message", message).data("nav", "error").render()).build();
    }
}
