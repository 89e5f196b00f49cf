package org.confroom.web.calls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.confroom.conference.live.ListenerRegistry;
import org.confroom.conference.live.LiveChange;
import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.merge.LiveCalls;
import org.confroom.web.live.LiveStreams;
import org.confroom.web.security.Role;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * The stream of the live-calls page: {@code calls} (re-rendered after a change of the live calls, of a
 * conference's lock state or the PBX connection, and every few seconds for rooms created or archived),
 * {@code merges} (database state, polled) and the PBX banner.
 */
@Path("/events/calls")
public class CallsEvents {
    /** How often the calls fragment is rendered anyway (active rooms live in the database). */
    static final Duration ROOMS_REFRESH = Duration.ofSeconds(5);

    @Inject
    LiveStreams streams;

    @Inject
    LiveCalls liveCalls;

    @Inject
    LiveRooms liveRooms;

    @Inject
    CallsView view;

    @Inject
    SecurityIdentity identity;

    @Inject
    CsrfTokenParameterProvider csrf;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_HTML)
    @RolesAllowed(Role.VIEWER_NAME)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        // read on the request thread: the renders below run on worker threads without a request context
        boolean operator = identity.hasRole(Role.OPERATOR_NAME);
        String token = csrf.getToken();
        Multi<OutboundSseEvent> base = streams.stream(sse, List.of(LiveStreams.Part.polled("merges",
                () -> CallsPage.Templates.calls$merges(view.merges(CallsView.RECENT_MERGES)).render())));
        Multi<Object> callChanges = Multi.createFrom().emitter(em -> {
            ListenerRegistry.Subscription s = liveCalls.subscribe(em::emit);
            em.onTermination(s::close);
        });
        Multi<Object> roomChanges = Multi.createFrom().emitter(em -> {
            ListenerRegistry.Subscription s = liveRooms.subscribe(c -> {
                if (!(c instanceof LiveChange.MemberJoined || c instanceof LiveChange.MemberLeft
                        || c instanceof LiveChange.MemberUpdated)) {
                    em.emit(c);
                }
            });
            em.onTermination(s::close);
        });
        Multi<Object> refresh = Multi.createFrom().ticks().every(ROOMS_REFRESH).map(t -> (Object) t);
        String[] last = {null};
        Multi<OutboundSseEvent> calls = Multi.createBy().merging().streams(callChanges, roomChanges, refresh)
                .group().intoLists().every(LiveStreams.COALESCE).filter(l -> !l.isEmpty())
                .emitOn(Infrastructure.getDefaultWorkerPool()).onItem().transformToIterable(batch -> {
                    String html = CallsPage.Templates.calls$calls(view.calls(), operator, token).render();
                    List<OutboundSseEvent> out = new ArrayList<>(1);
                    synchronized (last) {
                        if (!html.equals(last[0])) {
                            last[0] = html;
                            out.add(sse.newEventBuilder().name("calls").data(html).build());
                        }
                    }
                    return out;
                });
        return Multi.createBy().merging().streams(base, calls);
    }
}
