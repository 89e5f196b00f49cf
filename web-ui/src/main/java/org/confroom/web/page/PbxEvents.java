package org.confroom.web.page;

import java.util.List;

import org.confroom.web.live.LiveStreams;
import org.confroom.web.security.Role;
import org.jboss.resteasy.reactive.RestStreamElementType;

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

/** The stream of pages with nothing live of their own: just the PBX banner. */
@Path("/events/pbx")
@RolesAllowed(Role.VIEWER_NAME)
public class PbxEvents {
    @Inject
    LiveStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_HTML)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        return streams.stream(sse, List.of());
    }
}
