package org.confroom.ami.sim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The actions the simulator knows, with the write classes they need, and the dispatch rules of Asterisk's
 * manager.c: missing action, not logged in, unknown action, no right (03, 12, 13).
 */
final class ActionRegistry {
    private record Entry(String name, Permissions required, ActionHandler handler) {
    }

    private static final Set<String> BEFORE_LOGIN = Set.of("login", "logoff", "challenge");

    private final Map<String, Entry> actions = new LinkedHashMap<>();

    /** @param required write classes of which any one suffices; {@link Permissions#NONE} for everyone */
    void register(String name, Permissions required, ActionHandler handler) {
        actions.put(name.toLowerCase(Locale.ROOT), new Entry(name, required, handler));
    }

    /** Handles the action; completes the context unless the handler deferred its answer. */
    void dispatch(ActionContext ctx) {
        try {
            route(ctx);
        } finally {
            if (!ctx.deferred()) {
                ctx.complete();
            }
        }
    }

    private void route(ActionContext ctx) {
        String action = ctx.header("Action");
        if (action.isEmpty()) {
            ctx.error("Missing action in request");
            return;
        }
        String key = action.toLowerCase(Locale.ROOT);
        if (!ctx.session.authenticated() && !BEFORE_LOGIN.contains(key)) {
            ctx.error("Permission denied");
            return;
        }
        Entry e = actions.get(key);
        if (e == null) {
            ctx.error("Invalid/unknown command: " + action + ". Use Action: ListCommands to show available commands.");
            return;
        }
        if (!e.required().isEmpty() && ctx.session.authenticated()
                && !ctx.session.user().orElseThrow().write().intersects(e.required())) {
            ctx.error("Permission denied");
            return;
        }
        e.handler().handle(ctx);
    }
}
