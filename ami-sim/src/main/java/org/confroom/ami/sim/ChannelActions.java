package org.confroom.ami.sim;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.confroom.ami.codec.AmiMessage;

/** Hangup, PlayDTMF, Getvar, Setvar, Status, CoreShowChannels and BridgeList (10, 19, 21, 22, 24, 25). */
final class ChannelActions {
    private ChannelActions() {
    }

    static void register(ActionRegistry r) {
        r.register("Hangup", Permissions.of(EventClass.SYSTEM, EventClass.CALL), ChannelActions::hangup);
        r.register("PlayDTMF", Permissions.of(EventClass.CALL), ChannelActions::playDtmf);
        r.register("Getvar", Permissions.of(EventClass.CALL, EventClass.REPORTING), ChannelActions::getvar);
        r.register("Setvar", Permissions.of(EventClass.CALL), ChannelActions::setvar);
        r.register("Status", Permissions.of(EventClass.SYSTEM, EventClass.CALL, EventClass.REPORTING),
                ChannelActions::status);
        r.register("CoreShowChannels", Permissions.of(EventClass.SYSTEM, EventClass.REPORTING),
                ChannelActions::coreShowChannels);
        r.register("BridgeList", Permissions.NONE, ChannelActions::bridgeList);
    }

    private static void hangup(ActionContext ctx) {
        String name = ctx.header("Channel");
        if (name.isEmpty()) {
            ctx.error("No channel specified");
            return;
        }
        if (name.length() > 1 && name.startsWith("/") && name.endsWith("/")) {
            hangupByRegex(ctx, name.substring(1, name.length() - 1));
            return;
        }
        Channel c = ctx.pbx.channels.find(name);
        if (c == null || c.hangupPending) {
            ctx.error("No such channel");
            return;
        }
        ctx.success("Channel Hungup");
        ctx.pbx.hangups.requestHangup(c);
    }

    /** {@code Channel: /regex/}: an event list of ChannelHungup items (19). */
    private static void hangupByRegex(ActionContext ctx, String regex) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            ctx.error("Invalid regex");
            return;
        }
        List<Channel> matched = ctx.pbx.channels.matching(p);
        ctx.listStart("Channels hung up will follow");
        for (Channel c : matched) {
            // unlike other list items, ChannelHungup puts Channel before ActionID
            AmiMessage.Builder item = AmiMessage.builder().add("Event", "ChannelHungup").add("Channel", c.name);
            ctx.request.actionId().ifPresent(id -> item.add("ActionID", id));
            ctx.reply(item.build());
        }
        ctx.listComplete("ChannelsHungupListComplete", matched.size());
        for (Channel c : matched) {
            ctx.pbx.hangups.requestHangup(c);
        }
    }

    private static void playDtmf(ActionContext ctx) {
        Channel c = ctx.pbx.channels.find(ctx.header("Channel"));
        if (c == null) {
            ctx.error("Channel not found");
            return;
        }
        String digit = ctx.header("Digit");
        if (digit.isEmpty()) {
            ctx.error("No digit specified");
            return;
        }
        long durationMs = ctx.pbx.timing.dtmfDuration().toMillis();
        try {
            if (!ctx.header("Duration").isEmpty()) {
                durationMs = Long.parseLong(ctx.header("Duration"));
            }
        } catch (NumberFormatException e) {
            durationMs = ctx.pbx.timing.dtmfDuration().toMillis();
        }
        long played = durationMs;
        Channel receiver = c.otherHalf != null ? c.otherHalf : c;
        // the session is blocked until the digit has been played, then answers (25)
        ctx.defer();
        ctx.pbx.schedule(Duration.ofMillis(durationMs), () -> {
            ctx.success("DTMF successfully queued");
            if (!receiver.gone) {
                ctx.pbx.events.dtmf(receiver, digit.substring(0, 1), played);
            }
            ctx.complete();
        });
    }

    private static void getvar(ActionContext ctx) {
        String variable = ctx.header("Variable");
        if (variable.isEmpty()) {
            ctx.error("No variable specified");
            return;
        }
        String name = ctx.header("Channel");
        String value = "";
        if (!name.isEmpty()) {
            Channel c = ctx.pbx.channels.find(name);
            if (c == null) {
                ctx.error("No such channel");
                return;
            }
            value = channelValue(c, variable);
        }
        ctx.reply(ctx.response("Success").add("Variable", variable).add("Value", value).build());
    }

    private static String channelValue(Channel c, String variable) {
        switch (variable) {
            case "CALLERID(num)": return c.callerNum;
            case "CALLERID(name)": return c.callerName;
            case "CHANNEL(name)": return c.name;
            case "UNIQUEID": return c.uniqueid;
            default: return c.variables.getOrDefault(variable, "");
        }
    }

    private static void setvar(ActionContext ctx) {
        String variable = ctx.header("Variable");
        if (variable.isEmpty()) {
            ctx.error("No variable specified");
            return;
        }
        String name = ctx.header("Channel");
        if (name.isEmpty()) {
            ctx.success("Variable Set");
            return;
        }
        Channel c = ctx.pbx.channels.find(name);
        if (c == null) {
            ctx.error("No such channel");
            return;
        }
        ctx.pbx.events.varSet(c, variable, ctx.request.text("Value"));
        ctx.success("Variable Set");
    }

    /** Not in the recordings; the layout follows Asterisk 22's manager.c. */
    private static void status(ActionContext ctx) {
        String name = ctx.header("Channel");
        List<Channel> list;
        if (name.isEmpty() || name.equalsIgnoreCase("all")) {
            list = ctx.pbx.channels.all();
        } else {
            Channel c = ctx.pbx.channels.find(name);
            if (c == null) {
                ctx.error("No such channel");
                return;
            }
            list = List.of(c);
        }
        ctx.listStart("Channel status will follow");
        long now = ctx.pbx.now();
        for (Channel c : list) {
            AmiMessage.Builder b = ctx.listItem("Status");
            Snapshots.channel(b, "", c).add("Type", "Local").add("DNID", "")
                    .add("EffectiveConnectedLineNum", c.connectedNum)
                    .add("EffectiveConnectedLineName", c.connectedName)
                    .add("TimeToHangup", "0").add("BridgeID", c.bridge == null ? "" : c.bridge.uniqueid)
                    .add("Application", c.application).add("Data", c.appData)
                    .add("Nativeformats", "(slin)").add("Readformat", "slin").add("Readtrans", "")
                    .add("Writeformat", "slin").add("Writetrans", "").add("Callgroup", "0").add("Pickupgroup", "0")
                    .add("Seconds", Long.toString((now - c.createdMillis) / 1000));
            ctx.reply(b.build());
        }
        ctx.reply(ctx.listItem("StatusComplete").add("EventList", "Complete")
                .add("ListItems", Integer.toString(list.size())).add("Items", Integer.toString(list.size())).build());
    }

    private static void coreShowChannels(ActionContext ctx) {
        List<Channel> list = ctx.pbx.channels.all();
        ctx.listStart("Channels will follow");
        long now = ctx.pbx.now();
        for (Channel c : list) {
            AmiMessage.Builder b = ctx.listItem("CoreShowChannel");
            Snapshots.channel(b, "", c).add("Application", c.application).add("ApplicationData", c.appData)
                    .add("Duration", hms((now - c.createdMillis) / 1000))
                    .add("BridgeId", c.bridge == null ? "" : c.bridge.uniqueid);
            ctx.reply(b.build());
        }
        ctx.listComplete("CoreShowChannelsComplete", list.size());
    }

    static String hms(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    private static void bridgeList(ActionContext ctx) {
        List<Bridge> list = List.copyOf(ctx.pbx.bridges);
        ctx.listStart("Bridge listing will follow");
        for (Bridge b : list) {
            ctx.reply(Snapshots.bridge(ctx.listItem("BridgeListItem"), b).build());
        }
        ctx.listComplete("BridgeListComplete", list.size());
    }
}
