package org.confroom.web.rooms;

import java.util.List;
import java.util.Optional;

import org.confroom.conference.live.LiveChange;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomService;
import org.confroom.web.live.LiveStreams;
import org.confroom.web.security.Role;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
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

/**
 * The event stream of a room's page: {@code members} after live changes of its conference,
 * {@code attempts} after committed changes of its call attempts, and the PBX banner.
 */
@Path("/events/rooms")
@RolesAllowed(Role.VIEWER_NAME)
public class RoomEvents {
    @Inject
    LiveStreams streams;

    @Inject
    RoomService rooms;

    @Inject
    RoomViews views;

    @Inject
    SecurityIdentity identity;

    @Inject
    @io.quarkus.qute.Location("RoomsPage/member-row.html")
    io.quarkus.qute.Template memberRow;

    @GET
    @Blocking
    @Path("{id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_HTML)
    public Multi<OutboundSseEvent> events(@RestPath long id, @Context Sse sse) {
        Room room = rooms.get(id);
        String number = room.number;
        // the stream renders on worker threads without the request: the role is read now
        boolean operator = identity.hasRole(Role.OPERATOR_NAME);
        return streams.stream(sse, List.of(
                LiveStreams.Part.onChangeWithRows("members", c -> concerns(c, number), streams.shared("room-members:" + id + ":" + operator, () -> {
                    Room now = rooms.get(id);
                    return RoomsPage.renderMembers(now, views.live(now), operator);
                }), c -> memberRow(c, id, number, operator)),
                LiveStreams.Part.onAttempts("attempts", n -> n.concernsRoom(id),
                        () -> RoomsPage.renderAttempts(rooms.get(id), views.attempts(id), operator))));
    }

    /**
     * A member's own change (mute, talking) goes out as that member's row alone; joins, leaves and room
     * changes re-render the members part.
     */
    private Optional<LiveStreams.Row> memberRow(LiveChange c, long id, String number, boolean operator) {
        if (!(c instanceof LiveChange.MemberUpdated u) || !u.room().equals(number)) {
            return Optional.empty();
        }
        String channel = u.member().channel();
        String key = LiveView.Member.key(channel);
        return Optional.of(new LiveStreams.Row("member-" + key, streams.shared("room-member:" + id + ":" + operator + ":" + key, () -> {
            Room now = rooms.get(id);
            LiveView live = views.live(now);
            return live.members().stream().filter(m -> m.channel().equals(channel)).findFirst()
                    .map(m -> memberRow.data("room", now).data("m", m).data("operator", operator).render()).orElse(null);
        })));
    }

    /** @return true when the change is about the conference with this number */
    static boolean concerns(LiveChange c, String number) {
        if (c instanceof LiveChange.MemberJoined j) {
            return j.room().equals(number);
        }
        if (c instanceof LiveChange.MemberLeft l) {
            return l.room().equals(number);
        }
        if (c instanceof LiveChange.MemberUpdated u) {
            return u.room().equals(number);
        }
        if (c instanceof LiveChange.RoomUpdated r) {
            return r.room().number().equals(number);
        }
        if (c instanceof LiveChange.RoomEnded e) {
            return e.room().number().equals(number);
        }
        return true; // connection changes and dropped changes concern every room
    }
}
