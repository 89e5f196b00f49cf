package org.confroom.ami.sim;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.confroom.ami.codec.AmiMessage;

/** CoreStatus, GetConfig (manager.conf only) and Command with a small CLI (12, 21, 27). */
final class SystemActions {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private SystemActions() {
    }

    static void register(ActionRegistry r) {
        r.register("CoreStatus", Permissions.of(EventClass.SYSTEM, EventClass.REPORTING), SystemActions::coreStatus);
        r.register("GetConfig", Permissions.of(EventClass.SYSTEM, EventClass.CONFIG), SystemActions::getConfig);
        r.register("Command", Permissions.of(EventClass.COMMAND), SystemActions::command);
    }

    private static void coreStatus(ActionContext ctx) {
        Pbx pbx = ctx.pbx;
        ctx.reply(ctx.response("Success")
                .add("CoreStartupDate", DATE.format(pbx.startedAt)).add("CoreStartupTime", TIME.format(pbx.startedAt))
                .add("CoreReloadDate", DATE.format(pbx.startedAt)).add("CoreReloadTime", TIME.format(pbx.startedAt))
                .add("CoreCurrentCalls", Integer.toString(pbx.channels.count()))
                .add("CoreProcessedCalls", Long.toString(pbx.channels.createdTotal())).build());
    }

    private static void getConfig(ActionContext ctx) {
        String file = ctx.header("Filename");
        if (file.isEmpty()) {
            ctx.error("Filename not specified");
            return;
        }
        if (!file.equals("manager.conf")) {
            ctx.error("Config file not found");
            return;
        }
        AmiMessage.Builder b = ctx.response("Success");
        List<ManagerConf.Category> cats = ctx.pbx.managerConf.categories();
        for (int c = 0; c < cats.size(); c++) {
            b.add(String.format("Category-%06d", c), cats.get(c).name());
            List<ManagerConf.Line> lines = cats.get(c).lines();
            for (int l = 0; l < lines.size(); l++) {
                b.add(String.format("Line-%06d-%06d", c, l), lines.get(l).key() + "=" + lines.get(l).value());
            }
        }
        ctx.reply(b.build());
    }

    private static void command(ActionContext ctx) {
        String command = ctx.header("Command").replaceAll("\\s+", " ");
        List<String> output = cli(ctx.pbx, command);
        AmiMessage.Builder b;
        if (output == null) {
            String[] words = command.split(" ");
            String hint = words.length >= 2 ? words[0] + " " + words[1] : command;
            b = ctx.response("Error").add("Message", "Command output follows").add("Output",
                    "No such command '" + command + "' (type 'core show help " + hint + "' for other possible commands)");
        } else {
            b = ctx.response("Success").add("Message", "Command output follows");
            for (String line : output) {
                b.add("Output", line);
            }
        }
        ctx.reply(b.build());
    }

    /** @return the output lines, or null for an unknown command */
    private static List<String> cli(Pbx pbx, String command) {
        switch (command) {
            case "core show uptime": {
                String up = duration((System.currentTimeMillis() - pbx.startedAt.toEpochMilli()) / 1000);
                return List.of("System uptime: " + up, "Last reload: " + up);
            }
            case "core show version":
                return List.of("Asterisk 22.10.1 (simulated by confroom ami-sim)");
            case "confbridge list": {
                List<String> out = new ArrayList<>();
                out.add("Conference Bridge Name           Users  Marked Locked Muted");
                out.add("================================ ====== ====== ====== =====");
                for (ConferenceRoom room : pbx.confbridge.rooms()) {
                    out.add(String.format("%-32s %6d %6d %-6s %s", room.name, room.members.size(), 0,
                            room.locked ? "Yes" : "No", "No"));
                }
                return out;
            }
            default:
                return null;
        }
    }

    /** @return Asterisk's uptime text, e.g. {@code 8 minutes, 5 seconds} */
    static String duration(long seconds) {
        long[] parts = {seconds / 86400, (seconds / 3600) % 24, (seconds / 60) % 60, seconds % 60};
        String[] names = {"day", "hour", "minute", "second"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                out.add(parts[i] + " " + names[i] + (parts[i] == 1 ? "" : "s"));
            }
        }
        return out.isEmpty() ? "<1 second" : String.join(", ", out);
    }
}
