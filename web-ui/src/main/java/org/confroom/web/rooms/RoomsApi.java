package org.confroom.web.rooms;

import java.net.URI;
import java.util.List;

import org.confroom.conference.ValidationException;
import org.confroom.conference.invite.InvitationService;
import org.confroom.conference.invitee.Invitee;
import org.confroom.conference.invitee.InviteeService;
import org.confroom.conference.moderation.ModerationService;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.web.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Rooms over JSON: the rooms themselves, their invitees, invitations by number, call attempts, the live
 * conference and its moderation. Errors are {@code {"error", "field"}} with 400, 404, 409 or 502
 * (Asterisk refused or is unreachable).
 */
@Path("/api/rooms")
@Tag(name = "Rooms", description = "Rooms, invitees, invitations, live members and moderation")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomsApi {
    @Inject
    RoomService rooms;

    @Inject
    InviteeService invitees;

    @Inject
    InvitationService invitations;

    @Inject
    ModerationService moderation;

    @Inject
    RoomViews views;

    @Inject
    SecurityIdentity identity;

    /**
     * A room to create or the new values of one.
     *
     * @param number conference number, digits only
     * @param name display name
     * @param bridgeProfile bridge profile, empty for default_bridge
     * @param userProfile user profile, empty for default_user
     * @param maxMembers 2 to 1000, or null for no limit
     * @param callerIdName caller id name shown to invited phones
     * @param callerIdNum caller id number shown to invited phones
     * @param pin PIN for dial-in callers, 4 to 12 digits, or null
     * @param version with PUT: the version read (a stale one is refused with 409)
     */
    public record RoomInput(String number, String name, String bridgeProfile, String userProfile, Integer maxMembers,
            String callerIdName, String callerIdNum, String pin, Integer version) {
        RoomDraft draft() {
            return new RoomDraft(number, name, bridgeProfile, userProfile, maxMembers, callerIdName, callerIdNum, pin);
        }
    }

    /**
     * An invited contact.
     *
     * @param contactId the contact
     * @param name its name
     * @param number its number (E.164 or extension)
     * @param role MODERATOR or PARTICIPANT
     * @param autoDial true when "dial all invitees" dials it
     */
    public record InviteeDto(long contactId, String name, String number, String role, boolean autoDial) {
        static InviteeDto of(Invitee i) {
            return new InviteeDto(i.contactId(), i.name(), i.number().value(), i.role().name(), i.autoDial());
        }
    }

    /**
     * Contacts to invite.
     *
     * @param contactIds the contacts
     * @param role MODERATOR or PARTICIPANT
     * @param autoDial dialled by "dial all invitees" (default true)
     */
    public record InviteesInput(List<Long> contactIds, String role, Boolean autoDial) {
    }

    /**
     * An invitee's new role and auto-dial flag.
     *
     * @param role MODERATOR or PARTICIPANT
     * @param autoDial dialled by "dial all invitees" (default true)
     */
    public record InviteeChange(String role, Boolean autoDial) {
    }

    /**
     * Numbers to dial into the room now.
     *
     * @param numbers the numbers; an entry may also hold several, separated by commas or line breaks
     * @param role MODERATOR or PARTICIPANT
     */
    public record InvitationsInput(List<String> numbers, String role) {
    }

    /**
     * A member of the live conference.
     *
     * @param channel its channel name as listed by GET live
     */
    public record MemberInput(String channel) {
    }

    @GET
    @Operation(summary = "List rooms", description = "Active rooms; with archived=true archived ones too.")
    public List<RoomDto> list(@RestQuery @DefaultValue("false") boolean archived) {
        return (archived ? rooms.listAll() : rooms.listActive()).stream().map(RoomDto::of).toList();
    }

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Create a room")
    public Response create(RoomInput input) {
        Room room = rooms.create(body(input).draft(), actor());
        return Response.created(URI.create("/api/rooms/" + room.id)).entity(RoomDto.of(room)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a room")
    public RoomDto get(@RestPath long id) {
        return RoomDto.of(rooms.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Change a room", description = "Needs the version read; 409 when someone else changed the room meanwhile.")
    public RoomDto update(@RestPath long id, RoomInput input) {
        if (body(input).version() == null) {
            throw new ValidationException("version", "required: the version of the room as read");
        }
        return RoomDto.of(rooms.update(id, input.version(), input.draft(), actor()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Archive a room", description = "The room keeps its history and can no longer be dialled.")
    public Response archive(@RestPath long id) {
        rooms.archive(id, actor());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/live")
    @Operation(summary = "The live conference", description = "Members, lock, recording, and whether the live state is stale.")
    public LiveView live(@RestPath long id) {
        return views.live(rooms.get(id));
    }

    // --- invitees ---

    @GET
    @Path("{id}/invitees")
    @Operation(summary = "List the invitees", description = "Moderators first, then by name.")
    public List<InviteeDto> invitees(@RestPath long id) {
        return invitees.list(id).stream().map(InviteeDto::of).toList();
    }

    @POST
    @Path("{id}/invitees")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Invite contacts", description = "All or none; 409 names contacts that are invited already.")
    public Response addInvitees(@RestPath long id, InviteesInput input) {
        List<InviteeDto> added = invitees.add(id, body(input).contactIds(), RoomViews.role(input.role()),
                input.autoDial() == null || input.autoDial(), actor()).stream().map(InviteeDto::of).toList();
        return Response.status(201).entity(added).build();
    }

    @PUT
    @Path("{id}/invitees/{contactId}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Change an invitee's role and auto-dial flag")
    public InviteeDto changeInvitee(@RestPath long id, @RestPath long contactId, InviteeChange input) {
        return InviteeDto.of(invitees.change(id, contactId, RoomViews.role(body(input).role()),
                input.autoDial() == null || input.autoDial(), actor()));
    }

    @DELETE
    @Path("{id}/invitees/{contactId}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Remove an invitee", description = "The contact stays in the directory.")
    public Response removeInvitee(@RestPath long id, @RestPath long contactId) {
        invitees.remove(id, contactId, actor());
        return Response.noContent().build();
    }

    // --- invitations and attempts ---

    @POST
    @Path("{id}/invitations")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Dial numbers into the room", description = "Each number is queued or refused on its own; the answer lists both.")
    public List<InviteResultView> invite(@RestPath long id, InvitationsInput input) {
        List<String> numbers = RoomViews.numbers(body(input).numbers() == null ? null : String.join("\n", input.numbers()));
        return invitations.inviteAll(id, RoomViews.numberTargets(numbers, RoomViews.role(input.role())), actor()).stream()
                .map(InviteResultView::of).toList();
    }

    @POST
    @Path("{id}/dial-all")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Dial every invitee with auto-dial on", description = "Moderators first; one result per invitee.")
    public List<InviteResultView> dialAll(@RestPath long id) {
        return invitations.dialInvitees(id, actor()).stream().map(InviteResultView::of).toList();
    }

    @GET
    @Path("{id}/attempts")
    @Operation(summary = "Recent call attempts of the room", description = "Newest first, at most 50.")
    public List<AttemptView> attempts(@RestPath long id) {
        rooms.get(id);
        return views.attempts(id);
    }

    // --- moderation ---

    @POST
    @Path("{id}/members/{command: mute|unmute|kick}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Mute, unmute or kick a member", description = "The member is named by its channel in the body.")
    public Response member(@RestPath long id, @RestPath String command, MemberInput input) {
        RoomCommands.member(moderation, command, id, body(input).channel(), actor());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/{command: mute-all|unmute-all|lock|unlock|end}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Room command", description = "mute-all and unmute-all act on non-admin members; end removes everyone.")
    public Response roomCommand(@RestPath long id, @RestPath String command) {
        RoomCommands.run(moderation, command, id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/record/{command: start|stop}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(summary = "Start or stop recording")
    public Response record(@RestPath long id, @RestPath String command) {
        RoomCommands.run(moderation, "record-" + command, id, actor());
        return Response.noContent().build();
    }

    private static <T> T body(T input) {
        if (input == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        return input;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
