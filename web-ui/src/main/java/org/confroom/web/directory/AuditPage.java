package org.confroom.web.directory;

import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.directory.ResultPage;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomService;
import org.confroom.web.security.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The audit log: who did what when, filtered by room, user, action and time range, newest first. */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.VIEWER_NAME)
public class AuditPage {
    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(AuditView view, List<Room> rooms, FormError error);
    }

    /** One audit row for people: the time in the server's zone, the room by number, the details as pairs. */
    public record Line(AuditEvent event, String time, String room, List<Map.Entry<String, Object>> details) {
    }

    /** The filters, the rows found and the paging links. */
    public record AuditView(AuditFilter filter, ResultPage<Line> result) {
        public String pageLink(int page) {
            Map<String, Object> p = PageLinks.parameters();
            p.put("actor", filter.actor());
            p.put("action", filter.action());
            p.put("room", filter.room());
            p.put("from", filter.from());
            p.put("to", filter.to());
            p.put("page", page);
            return PageLinks.link("/audit", p);
        }

        public boolean roomSelected(Long id) {
            return id.toString().equals(filter.room());
        }
    }

    @Inject
    AuditLog audit;

    @Inject
    RoomService rooms;

    @GET
    public Response audit(@QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("room") String room,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page) {
        AuditFilter filter = new AuditFilter(actor, action, room, from, to);
        List<Room> active = rooms.listActive();
        FormError error = FormError.NONE;
        ResultPage<AuditEvent> found;
        try {
            found = audit.search(filter.query(Math.max(page, 0), PAGE_SIZE));
        } catch (ValidationException e) {
            error = FormError.of(e);
            found = new ResultPage<>(List.of(), 0, PAGE_SIZE, 0);
        }
        Map<Long, String> roomNumbers = active.stream().collect(Collectors.toMap(r -> r.id, r -> r.number));
        Function<AuditEvent, Line> line = e -> new Line(e, TIME.format(e.at.atZoneSameInstant(ZoneId.systemDefault())),
                e.roomId == null ? "" : roomNumbers.getOrDefault(e.roomId, "#" + e.roomId), List.copyOf(e.details.entrySet()));
        ResultPage<Line> lines = new ResultPage<>(found.items().stream().map(line).toList(), found.page(), found.size(), found.total());
        return Response.status(error.status()).entity(Templates.audit(new AuditView(filter, lines), active, error)).build();
    }
}
