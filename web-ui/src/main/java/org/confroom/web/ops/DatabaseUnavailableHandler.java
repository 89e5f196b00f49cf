package org.confroom.web.ops;

import java.util.Map;
import java.util.Optional;

import org.confroom.conference.DatabaseUnavailableException;
import org.confroom.web.api.ErrorAnswer;
import org.confroom.web.api.ErrorAnswers;
import org.jboss.logging.Logger;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * While PostgreSQL is unreachable every request fails somewhere: in the login layer (the session's user is
 * read on every request), in a service, or at commit. Failures the JAX-RS mappers do not see end here and
 * become a 503 that says the database is unavailable (JSON under {@code /api/}, the flash area for htmx, a
 * page of its own otherwise) instead of a 500 with a stack trace; other failures go on to Quarkus.
 */
@ApplicationScoped
public class DatabaseUnavailableHandler {
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableHandler.class);

    @Inject
    ErrorAnswers answers;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        Optional<String> why = DatabaseUnavailableException.find(ctx.failure());
        if (why.isEmpty() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        LOG.warnf("%s %s: database unavailable: %s", ctx.request().method(), ctx.request().path(), why.get());
        ErrorAnswer a = answers.of(ctx.request().path(), ctx.request().getHeader("HX-Request") != null, 503,
                message(why.get()), null, true);
        a.headers().forEach(ctx.response()::putHeader);
        ctx.response().setStatusCode(a.status()).putHeader("Content-Type", a.contentType() + ";charset=UTF-8");
        Object body = a.body();
        @SuppressWarnings("unchecked")
        String text = body instanceof Map<?, ?> m ? new JsonObject((Map<String, Object>) m).encode() : body.toString();
        ctx.response().end(text);
    }

    /** @return what a user reads when a request failed because the database is unreachable */
    public static String message(String why) {
        return "The database is unavailable, so this request could not be completed (" + why + "). Try again in a moment.";
    }
}
