package org.confroom.ami.sim;

import java.util.List;
import java.util.function.BiConsumer;

/** The ConfBridge manager actions with the texts of app_confbridge (06, 08, 09, 13, 21, 25). */
final class ConfbridgeActions {
    private static final String NO_CONFERENCE_NAME = "No Conference name provided.";
    private static final String NO_ACTIVE = "No active conferences.";
    private static final String NO_SUCH_CONFERENCE = "No Conference by that name found.";
    private static final String NO_SUCH_CHANNEL = "No Channel by that name found in Conference.";

    private ConfbridgeActions() {
    }

    static void register(ActionRegistry r) {
        Permissions call = Permissions.of(EventClass.CALL);
        Permissions reporting = Permissions.of(EventClass.REPORTING);
        Permissions system = Permissions.of(EventClass.SYSTEM);
        r.register("ConfbridgeListRooms", reporting, ConfbridgeActions::listRooms);
        r.register("ConfbridgeList", reporting, withRoom(ConfbridgeActions::list));
        r.register("ConfbridgeMute", call, ctx -> mute(ctx, true));
        r.register("ConfbridgeUnmute", call, ctx -> mute(ctx, false));
        r.register("ConfbridgeKick", call, withRoom(ConfbridgeActions::kick));
        r.register("ConfbridgeLock", call, withRoom((ctx, room) -> {
            room.locked = true;
            ctx.success("Conference locked");
        }));
        r.register("ConfbridgeUnlock", call, withRoom((ctx, room) -> {
            room.locked = false;
            ctx.success("Conference unlocked");
        }));
        r.register("ConfbridgeStartRecord", system, withRoom((ctx, room) -> {
            if (room.recording) {
                ctx.error("Conference is already being recorded.");
                return;
            }
            ctx.success("Conference Recording Started.");
            ctx.pbx.confbridge.startRecord(room);
        }));
        r.register("ConfbridgeStopRecord", system, withRoom((ctx, room) -> {
            if (!room.recording) {
                ctx.error("Internal error while stopping recording.");
                return;
            }
            ctx.success("Conference Recording Stopped.");
            ctx.pbx.confbridge.stopRecord(room);
        }));
    }

    /** The common checks: conference name given, any conference active, this one found. */
    private static ActionHandler withRoom(BiConsumer<ActionContext, ConferenceRoom> action) {
        return ctx -> {
            String name = ctx.header("Conference");
            if (name.isEmpty()) {
                ctx.error(NO_CONFERENCE_NAME);
            } else if (ctx.pbx.conferences.isEmpty()) {
                ctx.error(NO_ACTIVE);
            } else if (!ctx.pbx.conferences.containsKey(name)) {
                ctx.error(NO_SUCH_CONFERENCE);
            } else {
                action.accept(ctx, ctx.pbx.conferences.get(name));
            }
        };
    }

    private static void listRooms(ActionContext ctx) {
        List<ConferenceRoom> rooms = ctx.pbx.confbridge.rooms();
        if (rooms.isEmpty()) {
            ctx.error(NO_ACTIVE);
            return;
        }
        ctx.listStart("Confbridge conferences will follow");
        for (ConferenceRoom room : rooms) {
            ctx.reply(ctx.listItem("ConfbridgeListRooms").add("Conference", room.name)
                    .add("Parties", Integer.toString(room.members.size())).add("Marked", "0")
                    .add("Locked", room.locked ? "Yes" : "No").add("Muted", "No").build());
        }
        ctx.listComplete("ConfbridgeListRoomsComplete", rooms.size());
    }

    private static void list(ActionContext ctx, ConferenceRoom room) {
        ctx.listStart("Confbridge user list will follow");
        long now = ctx.pbx.now();
        List<ConferenceMember> members = List.copyOf(room.members);
        for (ConferenceMember m : members) {
            Channel c = m.channel;
            ctx.reply(Snapshots.channel(ctx.listItem("ConfbridgeList").add("Conference", room.name)
                    .add("Admin", "No").add("MarkedUser", "No").add("WaitMarked", "No").add("EndMarked", "No")
                    .add("EndMarkedAny", "No").add("Waiting", "No").add("Muted", m.muted ? "Yes" : "No")
                    .add("Talking", "No").add("AnsweredTime", Long.toString((now - c.answeredMillis) / 1000)),
                    "", c).build());
        }
        ctx.listComplete("ConfbridgeListComplete", members.size());
    }

    private static void mute(ActionContext ctx, boolean mute) {
        String name = ctx.header("Conference");
        String channel = ctx.header("Channel");
        if (name.isEmpty()) {
            ctx.error(NO_CONFERENCE_NAME);
        } else if (channel.isEmpty()) {
            ctx.error("No channel name provided.");
        } else if (ctx.pbx.conferences.isEmpty()) {
            ctx.error(NO_ACTIVE);
        } else if (!ctx.pbx.conferences.containsKey(name)) {
            ctx.error(NO_SUCH_CONFERENCE);
        } else {
            ConferenceRoom room = ctx.pbx.conferences.get(name);
            List<ConferenceMember> selected = room.select(channel, true);
            if (selected.isEmpty()) {
                ctx.error(NO_SUCH_CHANNEL);
                return;
            }
            ctx.success(mute ? "User muted" : "User unmuted");
            ctx.pbx.confbridge.mute(room, selected, mute);
        }
    }

    private static void kick(ActionContext ctx, ConferenceRoom room) {
        String channel = ctx.header("Channel");
        List<ConferenceMember> selected = room.select(channel, false).stream().filter(m -> !m.kicked).toList();
        if (selected.isEmpty()) {
            ctx.error(NO_SUCH_CHANNEL);
            return;
        }
        ctx.success(channel.equalsIgnoreCase("all") ? "All participants kicked" : "User kicked");
        for (ConferenceMember m : selected) {
            ctx.pbx.confbridge.kick(m);
        }
    }
}
