package org.confroom.ami.sim;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.confroom.ami.action.Challenge;
import org.confroom.ami.codec.AmiMessage;

/** Login, Challenge, Logoff, Ping, Events, Filter and UserEvent (01 to 05, 12, 21, 29). */
final class SessionActions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private SessionActions() {
    }

    static void register(ActionRegistry r) {
        r.register("Login", Permissions.NONE, SessionActions::login);
        r.register("Challenge", Permissions.NONE, SessionActions::challenge);
        r.register("Logoff", Permissions.NONE, ctx -> {
            ctx.reply(ctx.response("Goodbye").add("Message", "Thanks for all the fish.").build());
            ctx.session.closeAfterFlush();
        });
        r.register("Ping", Permissions.NONE, ctx -> ctx.reply(ctx.response("Success")
                .add("Ping", "Pong").add("Timestamp", timestamp()).build()));
        r.register("Events", Permissions.NONE, SessionActions::events);
        r.register("Filter", Permissions.of(EventClass.SYSTEM), SessionActions::filter);
        r.register("UserEvent", Permissions.of(EventClass.USER), SessionActions::userEvent);
    }

    static String timestamp() {
        long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static void login(ActionContext ctx) {
        Optional<ManagerUser> user = ctx.pbx.managerConf.user(ctx.header("Username"))
                .filter(u -> secretMatches(ctx, u));
        if (user.isEmpty()) {
            // Asterisk answers a failed login after a delay, then drops the connection (02, 02b, 05)
            ctx.defer();
            ctx.pbx.schedule(ctx.pbx.timing.authFailureDelay(), () -> {
                ctx.error("Authentication failed");
                ctx.session.closeAfterFlush();
                ctx.complete();
            });
            return;
        }
        ManagerUser u = user.get();
        ctx.session.login(u);
        if (ctx.request.has("Events")) {
            ctx.session.eventMask(Permissions.parseEventMask(ctx.header("Events")));
        }
        ctx.success("Authentication accepted");
        if (ctx.pbx.booted && ctx.session.sendsEvents(EventClass.SYSTEM)) {
            long uptime = (System.currentTimeMillis() - ctx.pbx.startedAt.toEpochMilli()) / 1000;
            ctx.reply(Snapshots.event("FullyBooted", EventClass.SYSTEM)
                    .add("Uptime", Long.toString(uptime)).add("LastReload", Long.toString(uptime))
                    .add("Status", "Fully Booted").build());
        }
        String now = EVENT_TV.format(Instant.now());
        ctx.pbx.bus.publish(EventClass.SECURITY, () -> Snapshots.event("SuccessfulAuth", EventClass.SECURITY)
                .add("EventTV", now).add("Severity", "Informational").add("Service", "AMI")
                .add("EventVersion", "1").add("AccountID", u.name())
                .add("SessionID", "0x" + Integer.toHexString(System.identityHashCode(ctx.session)))
                .add("LocalAddress", ctx.session.localAddress()).add("RemoteAddress", ctx.session.remoteAddress())
                .add("UsingPassword", "0").add("SessionTV", now).build());
    }

    private static boolean secretMatches(ActionContext ctx, ManagerUser u) {
        if (ctx.header("AuthType").equalsIgnoreCase("MD5")) {
            String challenge = ctx.session.challenge();
            return challenge != null && Challenge.md5Key(challenge, u.secret()).equalsIgnoreCase(ctx.header("Key"));
        }
        return u.secret().equals(ctx.request.text("Secret"));
    }

    private static void challenge(ActionContext ctx) {
        if (!ctx.header("AuthType").equalsIgnoreCase("MD5")) {
            ctx.error("Must specify AuthType");
            return;
        }
        if (ctx.session.challenge() == null) {
            ctx.session.challenge(Integer.toString(100_000_000 + RANDOM.nextInt(900_000_000)));
        }
        ctx.reply(ctx.response("Success").add("Challenge", ctx.session.challenge()).build());
    }

    private static void events(ActionContext ctx) {
        Permissions mask = Permissions.parseEventMask(ctx.header("EventMask"));
        ctx.session.eventMask(mask);
        ctx.reply(ctx.response("Success").add("Events", mask.isEmpty() ? "Off" : "On").build());
    }

    private static void filter(ActionContext ctx) {
        String operation = ctx.header("Operation");
        if (!operation.equalsIgnoreCase("Add")) {
            ctx.error("Unknown operation");
            return;
        }
        String filter = ctx.request.text("Filter");
        boolean include = !filter.startsWith("!");
        try {
            ctx.session.addFilter(Pattern.compile(include ? filter : filter.substring(1)), include);
        } catch (PatternSyntaxException e) {
            ctx.error("Filter Not Added");
            return;
        }
        ctx.success("Success");
    }

    private static void userEvent(ActionContext ctx) {
        AmiMessage.Builder event = Snapshots.event("UserEvent", EventClass.USER)
                .add("UserEvent", ctx.request.text("UserEvent"));
        for (int i = 0; i < ctx.request.size(); i++) {
            String key = ctx.request.keyAt(i);
            if (!key.equalsIgnoreCase("Action") && !key.equalsIgnoreCase("ActionID")
                    && !key.equalsIgnoreCase("UserEvent")) {
                event.add(key, ctx.request.valueAt(i));
            }
        }
        AmiMessage built = event.build();
        ctx.reply(ctx.response("Success").build());
        ctx.pbx.bus.publish(EventClass.USER, built);
    }
}
