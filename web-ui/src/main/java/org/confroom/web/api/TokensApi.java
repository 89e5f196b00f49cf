package org.confroom.web.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.confroom.web.admin.UsersPage;
import org.confroom.web.security.ApiToken;
import org.confroom.web.security.ApiTokenService;
import org.confroom.web.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** API tokens as JSON (admins only). The secret is in the answer to POST, once; only its hash is stored. */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "API tokens", description = "Bearer tokens for scripts (ADMIN only)")
public class TokensApi {
    /** A token without its secret. */
    public record TokenDto(long id, String name, String prefix, Role role, String createdBy, OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, String revokedBy, boolean active) {
        static TokenDto of(ApiToken t) {
            return new TokenDto(t.id, t.name, t.tokenPrefix, t.role, t.createdBy, t.createdAt, t.lastUsedAt, t.revokedAt,
                    t.revokedBy, t.active());
        }
    }

    /** A new token's name and role. */
    public record NewToken(String name, String role) {
    }

    /** A token just created, with its secret: store it now, it is never shown again. */
    public record CreatedToken(TokenDto token, String secret) {
    }

    @Inject
    ApiTokenService tokens;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "All tokens, newest first (no secrets)")
    public List<TokenDto> list() {
        return tokens.list().stream().map(TokenDto::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a token (201); the answer holds the secret, shown only this once")
    public Response create(NewToken input) {
        ContactsApi.required(input);
        ApiTokenService.Created c = tokens.create(input.name(), UsersPage.role(input.role()), actor());
        return Response.created(URI.create("/api/tokens/" + c.token().id)).header("Cache-Control", "no-store")
                .entity(new CreatedToken(TokenDto.of(c.token()), c.secret())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token (204); 409 when it was already revoked")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(id, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
