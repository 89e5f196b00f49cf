package org.confroom.web.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.confroom.conference.ValidationException;
import org.confroom.web.admin.UsersPage;
import org.confroom.web.security.AppUser;
import org.confroom.web.security.Role;
import org.confroom.web.security.UserService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** User administration as JSON (admins only). The last enabled admin can be neither demoted nor disabled (409). */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Users", description = "Who may log in, with which role (ADMIN only)")
public class UsersApi {
    /** A user, without the password hash. */
    public record UserDto(long id, String username, Role role, boolean enabled, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static UserDto of(AppUser u) {
            return new UserDto(u.id, u.username, u.role, u.enabled, u.createdAt, u.updatedAt);
        }
    }

    /** A new user. */
    public record NewUser(String username, String password, String role) {
    }

    /** A role change. */
    public record RoleChange(String role) {
    }

    /** A new password. */
    public record PasswordChange(String password) {
    }

    /** Enable or disable. */
    public record EnabledChange(Boolean enabled) {
    }

    @Inject
    UserService users;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "All users by name")
    public List<UserDto> list() {
        return users.list().stream().map(UserDto::of).toList();
    }

    @POST
    @Operation(summary = "Create a user (201); 400 names the field, 409 when the name is taken")
    public Response create(NewUser input) {
        ContactsApi.required(input);
        AppUser u = users.create(input.username(), input.password(), UsersPage.role(input.role()), actor());
        return Response.created(URI.create("/api/users/" + u.id)).entity(UserDto.of(u)).build();
    }

    @PUT
    @Path("{id}/role")
    @Operation(summary = "Change the role; 409 for the last enabled admin")
    public UserDto changeRole(@PathParam("id") long id, RoleChange input) {
        return UserDto.of(users.changeRole(id, UsersPage.role(ContactsApi.required(input).role()), actor()));
    }

    @PUT
    @Path("{id}/password")
    @Operation(summary = "Set a new password")
    public UserDto resetPassword(@PathParam("id") long id, PasswordChange input) {
        return UserDto.of(users.resetPassword(id, ContactsApi.required(input).password(), actor()));
    }

    @PUT
    @Path("{id}/enabled")
    @Operation(summary = "Enable or disable; a disabled user is out at the next request; 409 for the last enabled admin")
    public UserDto setEnabled(@PathParam("id") long id, EnabledChange input) {
        if (ContactsApi.required(input).enabled() == null) {
            throw new ValidationException("enabled", "true or false");
        }
        return UserDto.of(users.setEnabled(id, input.enabled(), actor()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
