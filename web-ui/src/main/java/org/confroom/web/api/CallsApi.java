package org.confroom.web.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.confroom.conference.NotFoundException;
import org.confroom.conference.calls.ClickToCallService;
import org.confroom.conference.invite.CallAttempt;
import org.confroom.web.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Click-to-call: call {@code from}, and once it answers connect it to {@code to}, under the dial
 * policy. The safe replacement for URL-triggered callback scripts: POST only, authenticated, audited.
 */
@Path("/api/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Click-to-call", description = "Call a first number and connect it to a second one")
public class CallsApi {
    /** The two numbers, as typed (national, E.164 or an extension). */
    public record CallRequest(String from, String to) {
    }

    /**
     * A click-to-call attempt. {@code state}: QUEUED, DIALING (first phone rings), ANSWERED (second one
     * rings), JOINED (connected), ENDED, FAILED (with {@code failureReason} and {@code failureDetail}).
     */
    public record CallDto(UUID id, String from, String to, String state, String failureReason, String failureDetail,
            String requestedBy, OffsetDateTime queuedAt, OffsetDateTime answeredAt, OffsetDateTime connectedAt,
            OffsetDateTime finishedAt) {
        static CallDto of(CallAttempt a) {
            return new CallDto(a.id, a.number, a.connectTo, a.state().name(),
                    a.failureReason() == null ? null : a.failureReason().name(), a.failureDetail, a.requestedBy, a.queuedAt(),
                    a.answeredAt(), a.joinedAt(), a.finishedAt());
        }
    }

    @Inject
    ClickToCallService calls;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Start a call (201, QUEUED); 400 names the number the dial policy refused, 409 when the same call is under way")
    public Response call(CallRequest input) {
        ContactsApi.required(input);
        CallAttempt a = calls.call(input.from(), input.to(), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/calls/" + a.id)).entity(CallDto.of(a)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "A call's state; poll until it is JOINED, ENDED or FAILED")
    public CallDto get(@PathParam("id") String id) {
        return CallDto.of(calls.get(uuid(id)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Cancel a call while it is queued or the first phone rings; 409 once it was answered")
    public CallDto cancel(@PathParam("id") String id) {
        return CallDto.of(calls.cancel(uuid(id), identity.getPrincipal().getName()));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no click-to-call with id " + id);
        }
    }
}
