package org.confroom.web.admin;

import java.net.URI;
import java.util.List;

import org.confroom.conference.ConferenceException;
import org.confroom.web.directory.FormError;
import org.confroom.web.directory.PageLinks;
import org.confroom.web.security.ApiToken;
import org.confroom.web.security.ApiTokenService;
import org.confroom.web.security.Role;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * API tokens (admins only): list, create and revoke. A new token's secret is shown once, in the
 * answer to the create form (never in a URL, never stored), so this form is not redirected.
 */
@Path("/tokens")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class TokensPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(List<ApiToken> tokens, NewToken form, FormError error, ApiTokenService.Created created);

        static native TemplateInstance tokens$token_row(ApiToken t);
    }

    /** What the create form shows again after a refusal. */
    public record NewToken(String name, String role) {
        static final NewToken EMPTY = new NewToken("", Role.VIEWER.name());
    }

    @Inject
    ApiTokenService tokens;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list() {
        return Templates.tokens(tokens.list(), NewToken.EMPTY, FormError.NONE, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String role) {
        try {
            ApiTokenService.Created created = tokens.create(name, UsersPage.role(role), actor());
            return Response.ok().header("Cache-Control", "no-store")
                    .entity(Templates.tokens(tokens.list(), NewToken.EMPTY, FormError.NONE, created)).build();
        } catch (ConferenceException e) {
            FormError error = FormError.of(e);
            return Response.status(error.status()).entity(Templates.tokens(tokens.list(), new NewToken(name, role), error, null)).build();
        }
    }

    @POST
    @Path("{id}/revoke")
    public Response revoke(@PathParam("id") long id, @Context HttpHeaders headers) {
        ApiToken t = tokens.revoke(id, actor());
        if (PageLinks.partial(headers)) {
            return Response.ok(Templates.tokens$token_row(t)).build();
        }
        return Response.seeOther(URI.create("/tokens")).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
