package org.confroom.web.page;

import java.net.URI;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Login form (posted to Quarkus' {@code j_security_check}) and logout. */
@Path("/login")
public class LoginPage {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean loggedOut);
    }

    @Inject
    SecurityIdentity identity;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @QueryParam("out") String out) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.login(error != null, out != null)).header("Cache-Control", "no-store").build();
    }

    /** Ends the session: the form login keeps it in an encrypted cookie, so logging out removes the cookie. */
    @POST
    @Path("/out")
    public Response logout(RoutingContext rc) {
        rc.response().addCookie(io.vertx.core.http.Cookie.cookie(sessionCookie, "").setPath("/").setMaxAge(0)
                .setHttpOnly(true).setSameSite(io.vertx.core.http.CookieSameSite.STRICT));
        return Response.seeOther(URI.create("/login?out=1")).build();
    }
}
