package org.confroom.web.calls;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.confroom.conference.NotFoundException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.merge.CallParty;
import org.confroom.conference.merge.LiveCall;
import org.confroom.conference.merge.LiveCalls;
import org.confroom.conference.merge.MergeOutcome;
import org.confroom.conference.merge.MergeService;
import org.confroom.conference.merge.MergeTicket;
import org.confroom.web.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Live two-party calls and merging them into rooms, as JSON. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live calls and merges", description = "Two-party calls on the PBX; moving them (or one party) into a room")
public class LiveCallsResource {
    @Inject
    LiveCalls liveCalls;

    @Inject
    MergeService merges;

    @Inject
    CallsView view;

    @Inject
    SecurityIdentity identity;

    /** One channel of a call. */
    public record PartyDto(String channel, String callerIdNum, String callerIdName, Instant since) {
        static PartyDto of(CallParty p) {
            return new PartyDto(p.channel(), p.callerIdNum(), p.callerIdName(), p.since());
        }
    }

    /** A live two-party call; {@code id} is what a merge names. */
    public record LiveCallDto(String id, PartyDto a, PartyDto b, Instant since, long durationSeconds) {
        static LiveCallDto of(LiveCall c) {
            return new LiveCallDto(c.id(), PartyDto.of(c.a()), PartyDto.of(c.b()), c.since(), c.duration().toSeconds());
        }
    }

    /** The live calls and whether the list may be out of date. */
    public record LiveCallsDto(boolean stale, List<LiveCallDto> calls) {
    }

    /** Body of a merge. */
    public record MergeBody(Long roomId) {
    }

    /** Body of a pull. */
    public record PullBody(String channel, Long roomId) {
    }

    /** What happened to one channel. */
    public record LegDto(String channel, String result, String what) {
    }

    /**
     * A merge (two channels) or pull (one) request.
     *
     * @param state REQUESTED, SENT, DONE, PARTIAL or FAILED
     * @param legs each channel's result once decided by this process; empty before (and after a restart)
     * @param roomLocked true when the target conference is locked now (a merge into it fails)
     */
    public record MergeDto(UUID id, String kind, long roomId, String roomNumber, String channelA, String channelB,
            String state, String detail, String requestedBy, OffsetDateTime createdAt, OffsetDateTime sentAt,
            OffsetDateTime finishedAt, List<LegDto> legs, boolean roomLocked) {
        static MergeDto of(CallsView.MergeLine m) {
            var r = m.request();
            return new MergeDto(r.id, m.kind(), r.roomId, m.roomNumber(), r.channelA, r.channelB, r.state.name(), r.detail,
                    r.requestedBy, r.createdAt, r.sentAt, r.finishedAt,
                    m.legs().stream().map(LiveCallsResource::leg).toList(), m.roomLocked());
        }
    }

    @GET
    @Path("live-calls")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "The live two-party calls")
    public LiveCallsDto calls() {
        return new LiveCallsDto(liveCalls.stale(), liveCalls.calls().stream().map(LiveCallDto::of).toList());
    }

    @POST
    @Path("live-calls/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Merge a call into a room", description = "One dual Redirect moves both parties into the room's "
            + "conference. Answers 201 with the request (SENT); follow it at GET /api/merges/{id} until DONE, PARTIAL or FAILED.")
    public Response merge(@PathParam("id") String callId, MergeBody body) {
        MergeTicket t = merges.merge(callId, requireRoom(body == null ? null : body.roomId()), actor());
        return created(t);
    }

    @POST
    @Path("live-calls/pull")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Pull one party of a call into a room", description = "Answers 201 with the request (SENT).")
    public Response pull(PullBody body) {
        MergeTicket t = merges.pull(body == null ? null : body.channel(), requireRoom(body == null ? null : body.roomId()),
                actor());
        return created(t);
    }

    @GET
    @Path("merges")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "The latest merge and pull requests, newest first")
    public List<MergeDto> recent(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new ValidationException("limit", "between 1 and 500");
        }
        return view.merges(limit).stream().map(MergeDto::of).toList();
    }

    @GET
    @Path("merges/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "One merge or pull request with its state and outcome")
    public MergeDto merge(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no merge request " + id);
        }
        return view.merge(uuid).map(MergeDto::of).orElseThrow(() -> new NotFoundException("no merge request " + id));
    }

    private Response created(MergeTicket t) {
        MergeDto dto = view.merge(t.id()).map(MergeDto::of).orElseThrow();
        return Response.created(URI.create("/api/merges/" + t.id())).entity(dto).build();
    }

    private static long requireRoom(Long roomId) {
        if (roomId == null) {
            throw new ValidationException("roomId", "required");
        }
        return roomId;
    }

    private static LegDto leg(MergeOutcome.Leg l) {
        return new LegDto(l.channel(), l.result().name(), l.what());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
