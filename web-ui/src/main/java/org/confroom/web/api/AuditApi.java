package org.confroom.web.api;

import java.time.OffsetDateTime;
import java.util.Map;

import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.web.directory.AuditFilter;
import org.confroom.web.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit log as JSON, newest first. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what and when")
public class AuditApi {
    /** One audit row. */
    public record AuditDto(long id, OffsetDateTime at, String actor, String action, Long roomId, String target, String outcome,
            Map<String, Object> details) {
        static AuditDto of(AuditEvent e) {
            return new AuditDto(e.id, e.at, e.actor, e.action, e.roomId, e.target, e.outcome.name(), e.details);
        }
    }

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "Audit rows filtered by actor, action (or family: 'contact' finds contact.*), room id and time range [from, to)")
    public ApiPage<AuditDto> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("room") String room, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return ApiPage.of(audit.search(new AuditFilter(actor, action, room, from, to).query(page, size)), AuditDto::of);
    }
}
