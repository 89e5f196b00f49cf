package org.confroom.web.page;

import java.util.List;

import org.confroom.conference.live.LiveChange;
import org.confroom.conference.live.RoomOverview;
import org.confroom.web.live.LiveStreams;
import org.confroom.web.security.Role;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/** The dashboard: PBX connection and every room with its live member count, kept fresh by SSE. */
@Path("/")
@RolesAllowed(Role.VIEWER_NAME)
public class DashboardPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(RoomOverview.Overview overview);

        static native TemplateInstance dashboard$rooms(RoomOverview.Overview overview);
    }

    @Inject
    RoomOverview overview;

    @Inject
    LiveStreams streams;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        return Templates.dashboard(overview.overview());
    }

    @GET
    @Path("events/dashboard")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_HTML)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        return streams.stream(sse, List.of(LiveStreams.Part.onChange("rooms", c -> !(c instanceof LiveChange.MemberUpdated),
                () -> Templates.dashboard$rooms(overview.overview()).render())));
    }
}
