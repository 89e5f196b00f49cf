package org.confroom.web.admin;

import java.net.URI;
import java.util.List;

import org.confroom.conference.ConferenceException;
import org.confroom.conference.ValidationException;
import org.confroom.web.directory.FormError;
import org.confroom.web.directory.PageLinks;
import org.confroom.web.security.AppUser;
import org.confroom.web.security.Role;
import org.confroom.web.security.UserService;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * User administration (admins only): create, change role, reset password, enable or disable. The
 * row actions are htmx requests answered with the row; without script they are plain forms.
 */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class UsersPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<AppUser> users, NewUser form, FormError error, String notice);

        static native TemplateInstance users$user_row(AppUser u);
    }

    /** What the create form shows again after a refusal (never the password). */
    public record NewUser(String username, String role) {
        static final NewUser EMPTY = new NewUser("", Role.OPERATOR.name());
    }

    @Inject
    UserService users;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list(@QueryParam("created") String created) {
        return Templates.users(users.list(), NewUser.EMPTY, FormError.NONE, created == null ? null : "User " + created + " created.");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm String role) {
        try {
            AppUser u = users.create(username, password, role(role), actor());
            return Response.seeOther(URI.create(PageLinks.link("/users", java.util.Map.of("created", u.username)))).build();
        } catch (ConferenceException e) {
            FormError error = FormError.of(e);
            return Response.status(error.status())
                    .entity(Templates.users(users.list(), new NewUser(username, role), error, null)).build();
        }
    }

    @POST
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("id") long id, @RestForm String role, @Context HttpHeaders headers) {
        return row(users.changeRole(id, role(role), actor()), headers);
    }

    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("id") long id, @RestForm String password, @Context HttpHeaders headers) {
        return row(users.resetPassword(id, password, actor()), headers);
    }

    @POST
    @Path("{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setEnabled(@PathParam("id") long id, @RestForm boolean enabled, @Context HttpHeaders headers) {
        return row(users.setEnabled(id, enabled, actor()), headers);
    }

    /** @return the role named, or a refusal naming the field */
    public static Role role(String name) {
        return Role.parse(name).orElseThrow(() -> new ValidationException("role", "ADMIN, OPERATOR or VIEWER"));
    }

    private static Response row(AppUser u, HttpHeaders headers) {
        if (PageLinks.partial(headers)) {
            return Response.ok(Templates.users$user_row(u)).build();
        }
        return Response.seeOther(URI.create("/users")).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
