package org.confroom.web.calls;

import java.net.URI;
import java.util.List;

import org.confroom.conference.ValidationException;
import org.confroom.conference.merge.MergeService;
import org.confroom.web.demo.DemoCalls;
import org.confroom.web.security.Role;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The live-calls page: two-party calls on the PBX, "merge into room" and "pull one side into a room",
 * the latest merges with their progress and outcome, and in demo mode a form that places a call on the
 * simulator. Commands are htmx posts answered with the merges fragment (plain form posts redirect back).
 */
@Path("/calls")
public class CallsPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calls(CallsView.CallsModel model, List<CallsView.MergeLine> merges, boolean operator,
                String csrf);

        static native TemplateInstance calls$calls(CallsView.CallsModel model, boolean operator, String csrf);

        static native TemplateInstance calls$merges(List<CallsView.MergeLine> merges);

        static native TemplateInstance placed(DemoCalls.DemoCall placed);
    }

    @Inject
    CallsView view;

    @Inject
    MergeService merges;

    @Inject
    DemoCalls demoCalls;

    @Inject
    SecurityIdentity identity;

    @Inject
    CsrfTokenParameterProvider csrf;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.VIEWER_NAME)
    public TemplateInstance page() {
        return Templates.calls(view.calls(), view.merges(CallsView.RECENT_MERGES), operator(), csrf.getToken());
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response merge(@PathParam("id") String callId, @FormParam("roomId") String roomId,
            @HeaderParam("HX-Request") String htmx) {
        merges.merge(callId, roomId(roomId), actor());
        return afterCommand(htmx);
    }

    @POST
    @Path("pull")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response pull(@FormParam("channel") String channel, @FormParam("roomId") String roomId,
            @HeaderParam("HX-Request") String htmx) {
        merges.pull(channel, roomId(roomId), actor());
        return afterCommand(htmx);
    }

    @POST
    @Path("demo-call")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response demoCall(@FormParam("from") String from, @FormParam("to") String to, @FormParam("name") String name,
            @HeaderParam("HX-Request") String htmx) {
        DemoCalls.DemoCall placed = demoCalls.place(from, to, name, actor());
        if (htmx == null) {
            return Response.seeOther(URI.create("/calls")).build();
        }
        return Response.ok(Templates.placed(placed).render()).build();
    }

    /** htmx: the merges list with the new request on top; a plain form: back to the page. */
    private Response afterCommand(String htmx) {
        if (htmx == null) {
            return Response.seeOther(URI.create("/calls")).build();
        }
        return Response.ok(Templates.calls$merges(view.merges(CallsView.RECENT_MERGES)).render()).build();
    }

    /** @return the room id of a form; a clear error when none was chosen */
    static long roomId(String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("roomId", "choose a room");
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("roomId", "not a room id: " + value.strip());
        }
    }

    private boolean operator() {
        return identity.hasRole(Role.OPERATOR_NAME);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
