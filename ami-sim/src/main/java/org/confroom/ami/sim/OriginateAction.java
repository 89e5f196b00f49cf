package org.confroom.ami.sim;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.confroom.ami.codec.AmiMessage;

/**
 * {@code Originate} of a Local channel to a dialplan location or an application, async and sync, with the
 * response and event order of 07, 08, 11 and 26.
 */
final class OriginateAction {
    private static final String[] SYSTEM_APPS = {"system", "exec", "agi", "mixmonitor", "eval", "trysystem"};

    private final ActionContext ctx;
    private final Pbx pbx;
    private final String dialString;
    private final boolean async;
    private final String application;
    private final String data;
    private final String context;
    private final String exten;
    private final String callerNum;
    private final String callerName;

    private OriginateAction(ActionContext ctx) {
        this.ctx = ctx;
        this.pbx = ctx.pbx;
        this.dialString = ctx.header("Channel");
        this.async = isTrue(ctx.header("Async"));
        this.application = ctx.header("Application");
        this.data = ctx.header("Data");
        this.context = ctx.header("Context");
        this.exten = ctx.header("Exten");
        String[] cid = parseCallerId(ctx.header("CallerID"));
        this.callerNum = cid[0];
        this.callerName = cid[1];
    }

    static void register(ActionRegistry r) {
        r.register("Originate", Permissions.of(EventClass.ORIGINATE), ctx -> new OriginateAction(ctx).run());
    }

    private static boolean isTrue(String v) {
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1") || v.equalsIgnoreCase("on");
    }

    /** {@code "Alice" <1001>} to {1001, Alice}; absent parts are null. */
    static String[] parseCallerId(String text) {
        if (text.isEmpty()) {
            return new String[] {null, null};
        }
        int lt = text.indexOf('<');
        int gt = text.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            String name = text.substring(0, lt).trim().replace("\"", "");
            return new String[] {text.substring(lt + 1, gt), name.isEmpty() ? null : name};
        }
        return text.chars().allMatch(Character::isDigit) ? new String[] {text, null} : new String[] {null, text};
    }

    private void run() {
        ctx.request.get("ChannelId").map(String::trim).filter(s -> !s.isEmpty()).ifPresent(pbx.originates::received);
        if (dialString.isEmpty()) {
            ctx.error("Channel not specified");
            return;
        }
        Optional<Long> timeoutMs = parseTimeout();
        if (timeoutMs.isEmpty()) {
            ctx.error("Invalid timeout");
            return;
        }
        if (!application.isEmpty() && needsSystem(application)
                && !ctx.session.user().orElseThrow().write().contains(EventClass.SYSTEM)) {
            ctx.error("Originate with certain 'Application' arguments requires the additional System privilege, "
                    + "which you do not have.");
            return;
        }
        int slash = dialString.indexOf('/');
        if (slash <= 0) {
            ctx.error("Invalid channel");
            return;
        }
        if (async) {
            ctx.success("Originate successfully queued");
        } else {
            ctx.defer();
        }
        if (!dialString.substring(0, slash).equalsIgnoreCase("Local")) {
            fail(0);
            return;
        }
        startLocal(dialString.substring(slash + 1), Duration.ofMillis(timeoutMs.get()));
    }

    private Optional<Long> parseTimeout() {
        String t = ctx.header("Timeout");
        if (t.isEmpty()) {
            return Optional.of(pbx.timing.originateTimeout().toMillis());
        }
        try {
            return Optional.of(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean needsSystem(String app) {
        String a = app.toLowerCase(Locale.ROOT);
        for (String s : SYSTEM_APPS) {
            if (a.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private void startLocal(String localData, Duration timeout) {
        String target = localData.contains("/") ? localData.substring(0, localData.indexOf('/')) : localData;
        int at = target.indexOf('@');
        String localExten = at < 0 ? target : target.substring(0, at);
        String localContext = at < 0 ? "default" : target.substring(at + 1);
        String id1 = ctx.request.get("ChannelId").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        String id2 = ctx.request.get("OtherChannelId").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        Channel[] pair = pbx.channels.newLocalPair(localExten, localContext, id1, id2, pbx.now());
        Channel one = pair[0];
        Channel two = pair[1];
        if (id1 != null) {
            pbx.originates.ringing(id1, exten);
        }
        Optional<Dialplan.Target> route = Dialplan.resolve(localContext, localExten);
        if (!async && route.isPresent() && route.get().phone() != Dialplan.Phone.RING) {
            syncAnswer(route.get().kind() != Dialplan.Kind.PHONE || route.get().phone() == Dialplan.Phone.ANSWER);
        } else if (!async && route.isEmpty()) {
            syncAnswer(false);
        }
        pbx.events.channel("Newchannel", one);
        pbx.events.channel("Newchannel", two);
        setUpChannels(one, two);
        if (route.isEmpty()) {
            // Local/x@nosuchcontext: the ;2 half finds no extension, no Dial events (11)
            pbx.events.hangup(two, 0);
            pbx.channels.remove(two);
            pbx.events.deviceState(two.device, "INVALID");
            fail(0);
            pbx.events.hangup(one, 0);
            pbx.channels.remove(one);
            pbx.events.deviceState(one.device, "INVALID");
            return;
        }
        pbx.localCalls.start(null, one, two, route.get(), timeout, new LocalCall.Outcome() {
            @Override
            public void answered() {
                if (async) {
                    originateResponse(one, "Success", 4, one.uniqueid);
                } else if (!ctx.done().isDone()) {
                    syncAnswer(true);
                }
                if (!application.isEmpty()) {
                    pbx.dialplan.runApplication(one, application, data);
                } else {
                    pbx.dialplan.enter(one, context, exten, 1);
                }
            }

            @Override
            public void failed(int reason) {
                fail(reason);
                if (reason == 5) {
                    pbx.events.deviceState(one.device, "INUSE");
                }
                pbx.hangups.endPair(one);
            }
        });
    }

    private void setUpChannels(Channel one, Channel two) {
        pbx.events.newexten(one, "AppDial2", "(Outgoing Line)");
        for (String v : ctx.request.getAll("Variable")) {
            int eq = v.indexOf('=');
            if (eq > 0) {
                pbx.events.varSet(one, v.substring(0, eq), v.substring(eq + 1));
            }
        }
        String account = ctx.header("Account");
        if (!account.isEmpty()) {
            one.accountCode = account;
            pbx.events.newAccountCode(one, "");
        }
        if (callerNum != null || callerName != null) {
            one.setCallerId(orUnknown(callerNum), orUnknown(callerName));
            pbx.events.newCallerid(one);
            one.setConnectedLine(one.callerNum, one.callerName);
            pbx.events.channel("NewConnectedLine", one);
        }
        two.accountCode = one.accountCode;
        two.setCallerId(one.callerNum, one.callerName);
        two.setConnectedLine(one.connectedNum, one.connectedName);
        for (String v : ctx.request.getAll("Variable")) {
            int eq = v.indexOf('=');
            if (eq > 0) {
                pbx.events.varSet(two, v.substring(0, eq), v.substring(eq + 1));
            }
        }
        if (callerNum != null || callerName != null) {
            pbx.events.newCallerid(two);
        }
        if (!account.isEmpty()) {
            pbx.events.newAccountCode(two, "");
        }
        if (callerNum != null || callerName != null) {
            pbx.events.channel("NewConnectedLine", two);
        }
    }

    private static String orUnknown(String s) {
        return s == null ? Channel.UNKNOWN : s;
    }

    private void syncAnswer(boolean success) {
        if (ctx.done().isDone()) {
            return;
        }
        if (success) {
            ctx.success("Originate successfully queued");
        } else {
            ctx.error("Originate failed");
        }
        ctx.complete();
    }

    /** The originate failed with an OriginateResponse reason (async) or {@code Originate failed} (sync). */
    private void fail(int reason) {
        if (!async) {
            syncAnswer(false);
            return;
        }
        originateResponse(null, "Failure", reason, ctx.request.get("ChannelId").map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(Channel.UNKNOWN));
    }

    private void originateResponse(Channel one, String response, int reason, String uniqueid) {
        AmiMessage.Builder b = Snapshots.event("OriginateResponse", EventClass.CALL);
        ctx.request.actionId().ifPresent(id -> b.add("ActionID", id));
        b.add("Response", response).add("Channel", one != null ? one.name : dialString);
        if (!application.isEmpty()) {
            b.add("Application", application).add("Data", data);
        } else {
            b.add("Context", context).add("Exten", exten);
        }
        b.add("Reason", Integer.toString(reason)).add("Uniqueid", uniqueid)
                .add("CallerIDNum", one != null ? one.callerNum : orUnknown(callerNum))
                .add("CallerIDName", one != null ? one.callerName : orUnknown(callerName));
        pbx.bus.publish(EventClass.CALL, b);
    }
}
