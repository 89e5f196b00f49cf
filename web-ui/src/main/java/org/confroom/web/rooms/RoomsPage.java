package org.confroom.web.rooms;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.confroom.conference.ConflictException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.directory.Contact;
import org.confroom.conference.directory.ContactService;
import org.confroom.conference.invite.InvitationService;
import org.confroom.conference.invitee.Invitee;
import org.confroom.conference.invitee.InviteeService;
import org.confroom.conference.moderation.ModerationService;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomService;
import org.confroom.web.security.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The rooms pages: the list, the create and edit forms (POST-redirect-GET; a refused form comes back
 * with the message next to its field and the input kept), archive, and a room's page with its
 * invitees, invitations, live members and call attempts. In-page actions are htmx requests answered
 * with the fragment they change; the live parts are kept fresh by {@link RoomEvents}.
 */
@Path("/rooms")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.TEXT_HTML)
public class RoomsPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Room> rooms, boolean archived);

        static native TemplateInstance form(Long id, RoomForm form, FormErrors errors);

        static native TemplateInstance detail(Room room, LiveView live, List<Invitee> invitees, List<AttemptView> attempts,
                List<InviteResultView> results, boolean operator);

        static native TemplateInstance detail$members(Room room, LiveView live, boolean operator);

        static native TemplateInstance detail$attempts(Room room, List<AttemptView> attempts, boolean operator);

        static native TemplateInstance detail$invitees(Room room, List<Invitee> invitees, boolean operator);

        static native TemplateInstance detail$results(List<InviteResultView> results);

        static native TemplateInstance contacts(List<Contact> contacts, long total);
    }

    @Inject
    RoomService rooms;

    @Inject
    InviteeService invitees;

    @Inject
    InvitationService invitations;

    @Inject
    ModerationService moderation;

    @Inject
    ContactService contacts;

    @Inject
    RoomViews views;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list(@RestQuery boolean archived) {
        return Templates.list(archived ? rooms.listAll() : rooms.listActive(), archived);
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance newRoom() {
        return Templates.form(null, RoomForm.empty(), FormErrors.NONE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response create(@BeanParam RoomForm form) {
        try {
            Room room = rooms.create(form.draft(), actor());
            return Response.seeOther(URI.create("/rooms/" + room.id)).build();
        } catch (ValidationException e) {
            return Response.status(400).entity(Templates.form(null, form, FormErrors.of(e))).build();
        } catch (ConflictException e) {
            return Response.status(409).entity(Templates.form(null, form, FormErrors.general(e.getMessage()))).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@RestPath long id) {
        return detailPage(rooms.get(id), List.of());
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance edit(@RestPath long id) {
        return Templates.form(id, RoomForm.of(rooms.get(id)), FormErrors.NONE);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response update(@RestPath long id, @BeanParam RoomForm form) {
        try {
            rooms.update(id, form.expectedVersion(), form.draft(), actor());
            return Response.seeOther(URI.create("/rooms/" + id)).build();
        } catch (ValidationException e) {
            return Response.status(400).entity(Templates.form(id, form, FormErrors.of(e))).build();
        } catch (ConflictException e) {
            return Response.status(409).entity(Templates.form(id, form, FormErrors.general(e.getMessage()))).build();
        }
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response archive(@RestPath long id, @RestHeader("HX-Request") String htmx) {
        rooms.archive(id, actor());
        return htmx != null ? Response.noContent().header("HX-Redirect", "/rooms").build()
                : Response.seeOther(URI.create("/rooms")).build();
    }

    // --- invitees ---

    @GET
    @Path("{id}/contacts")
    public TemplateInstance searchContacts(@RestPath long id, @RestQuery String q) {
        var page = contacts.search(q, 0, 20);
        return Templates.contacts(page.items(), page.total());
    }

    @POST
    @Path("{id}/invitees")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance addInvitees(@RestPath long id, @RestForm("contactId") List<Long> contactIds, @RestForm String role,
            @RestForm String autoDial) {
        invitees.add(id, contactIds, RoomViews.role(role), autoDial != null, actor());
        return inviteesPart(id);
    }

    @POST
    @Path("{id}/invitees/{contactId}")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance changeInvitee(@RestPath long id, @RestPath long contactId, @RestForm String role,
            @RestForm String autoDial) {
        invitees.change(id, contactId, RoomViews.role(role), autoDial != null, actor());
        return inviteesPart(id);
    }

    @POST
    @Path("{id}/invitees/{contactId}/remove")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance removeInvitee(@RestPath long id, @RestPath long contactId) {
        invitees.remove(id, contactId, actor());
        return inviteesPart(id);
    }

    // --- invitations and attempts ---

    @POST
    @Path("{id}/invitations")
    @RolesAllowed(Role.OPERATOR_NAME)
    public Object invite(@RestPath long id, @RestForm String numbers, @RestForm String role, @RestHeader("HX-Request") String htmx) {
        List<String> typed = RoomViews.numbers(numbers);
        var results = invitations.inviteAll(id, RoomViews.numberTargets(typed, RoomViews.role(role)), actor()).stream()
                .map(InviteResultView::of).toList();
        return htmx != null ? Templates.detail$results(results) : detailPage(rooms.get(id), results);
    }

    @POST
    @Path("{id}/dial-all")
    @RolesAllowed(Role.OPERATOR_NAME)
    public Object dialAll(@RestPath long id, @RestHeader("HX-Request") String htmx) {
        var results = invitations.dialInvitees(id, actor()).stream().map(InviteResultView::of).toList();
        return htmx != null ? Templates.detail$results(results) : detailPage(rooms.get(id), results);
    }

    @POST
    @Path("{id}/attempts/{attemptId}/cancel")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance cancel(@RestPath long id, @RestPath UUID attemptId) {
        if (!java.util.Objects.equals(invitations.get(attemptId).roomId, id)) {
            throw new org.confroom.conference.NotFoundException("no call attempt " + attemptId + " in room " + id);
        }
        invitations.cancel(attemptId, actor());
        return Templates.detail$attempts(rooms.get(id), views.attempts(id), true);
    }

    // --- moderation: the channel is a form field (channel names contain '/' and ';') ---

    @POST
    @Path("{id}/members/{command: mute|unmute|kick}")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance member(@RestPath long id, @RestPath String command, @RestForm String channel) {
        RoomCommands.member(moderation, command, id, channel, actor());
        return membersPart(id);
    }

    @POST
    @Path("{id}/{command: mute-all|unmute-all|lock|unlock|record-start|record-stop|end}")
    @RolesAllowed(Role.OPERATOR_NAME)
    public TemplateInstance roomCommand(@RestPath long id, @RestPath String command) {
        RoomCommands.run(moderation, command, id, actor());
        return membersPart(id);
    }

    private TemplateInstance detailPage(Room room, List<InviteResultView> results) {
        RoomViews.LiveAndAttempts now = views.liveAndAttempts(room);
        return Templates.detail(room, now.live(), invitees.list(room.id), now.attempts(), results, operator());
    }

    private TemplateInstance inviteesPart(long id) {
        return Templates.detail$invitees(rooms.get(id), invitees.list(id), true);
    }

    private TemplateInstance membersPart(long id) {
        Room room = rooms.get(id);
        return Templates.detail$members(room, views.live(room), true);
    }

    private boolean operator() {
        return identity.hasRole(Role.OPERATOR_NAME);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    /** Renders the live members part for the event stream of the room's page. */
    static String renderMembers(Room room, LiveView live, boolean operator) {
        return Templates.detail$members(room, live, operator).render();
    }

    /** Renders the attempts part for the event stream of the room's page. */
    static String renderAttempts(Room room, List<AttemptView> attempts, boolean operator) {
        return Templates.detail$attempts(room, attempts, operator).render();
    }
}
