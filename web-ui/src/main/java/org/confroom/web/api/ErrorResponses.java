package org.confroom.web.api;

import org.confroom.conference.ConferenceException;
import org.confroom.conference.ConflictException;
import org.confroom.conference.DatabaseUnavailableException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.invite.IllegalTransitionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * One place that turns the services' errors into answers: JSON {@code {"error", "field"}} on the API,
 * a message in the page's flash area for htmx requests (status kept, {@code HX-Retarget: #flash}), an
 * error page otherwise. 400 bad input, 404 gone, 409 conflicting state, 502 Asterisk refused or
 * unreachable, 503 database unreachable (also when the failure comes from outside JAX-RS:
 * {@link org.confroom.web.ops.DatabaseUnavailableHandler}).
 */
public class ErrorResponses {
    @Inject
    ErrorAnswers answers;

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
    public Response database(DatabaseUnavailableException e, HttpServerRequest request) {
        return respond(request, 503, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response other(ConferenceException e, HttpServerRequest request) {
        return respond(request, 400, e.getMessage(), null);
    }

    Response respond(HttpServerRequest request, int status, String message, String field) {
        ErrorAnswer a = answers.of(request.path(), request.getHeader("HX-Request") != null, status, message, field, false);
        Response.ResponseBuilder r = Response.status(a.status()).type(a.contentType()).entity(a.body());
        a.headers().forEach(r::header);
        return r.build();
    }
}
