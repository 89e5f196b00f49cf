package org.confroom.ami.sim;

/**
 * {@code Redirect}, single and dual (ExtraChannel), with the checks of manager.c's action_redirect: both
 * channels are checked before either moves (10, 23).
 */
final class RedirectAction {
    private RedirectAction() {
    }

    static void register(ActionRegistry r) {
        r.register("Redirect", Permissions.of(EventClass.CALL), RedirectAction::redirect);
    }

    private record Location(String context, String exten, int priority) {
    }

    private static void redirect(ActionContext ctx) {
        String name = ctx.header("Channel");
        String extraName = ctx.header("ExtraChannel");
        if (name.isEmpty()) {
            ctx.error("Channel not specified");
            return;
        }
        if (ctx.header("Context").isEmpty()) {
            ctx.error("Context not specified");
            return;
        }
        if (ctx.header("Exten").isEmpty()) {
            ctx.error("Exten not specified");
            return;
        }
        Location to = location(ctx, "");
        if (to == null) {
            ctx.error(ctx.header("Priority").isEmpty() ? "Priority not specified" : "Priority is invalid");
            return;
        }
        Location extraTo = location(ctx, "Extra");
        if (!extraName.isEmpty() && extraTo == null) {
            ctx.error("ExtraPriority is invalid");
            return;
        }
        Channel c = ctx.pbx.channels.find(name);
        if (c == null) {
            ctx.error("Channel does not exist: " + name);
            return;
        }
        if (c.hangupPending) {
            ctx.error("Redirect failed, channel not up.");
            return;
        }
        if (extraName.isEmpty()) {
            ctx.success("Redirect successful");
            moveLater(ctx.pbx, new Channel[] {c}, new Location[] {to});
            return;
        }
        Channel extra = ctx.pbx.channels.find(extraName);
        if (extra == null) {
            ctx.error("ExtraChannel does not exist: " + extraName);
            return;
        }
        if (extra.hangupPending) {
            ctx.error("Redirect failed, extra channel not up.");
            return;
        }
        ctx.success("Dual Redirect successful");
        moveLater(ctx.pbx, new Channel[] {c, extra}, new Location[] {to, extraTo});
    }

    /** @return Context/Exten/Priority (prefixed with {@code Extra}, falling back to the main ones) or null */
    private static Location location(ActionContext ctx, String prefix) {
        String context = ctx.header(prefix + "Context");
        String exten = ctx.header(prefix + "Exten");
        String priority = ctx.header(prefix + "Priority");
        if (!prefix.isEmpty()) {
            context = context.isEmpty() ? ctx.header("Context") : context;
            exten = exten.isEmpty() ? ctx.header("Exten") : exten;
            priority = priority.isEmpty() ? ctx.header("Priority") : priority;
        }
        try {
            int p = Integer.parseInt(priority);
            return p < 1 ? null : new Location(context, exten, p);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The channels leave their bridge and run the new location once the settle window is over, so that a
     * Hangup pipelined right after the Redirect still catches its leg (23 c3). The extra channel reaches a
     * conference first, as recorded in 10.
     */
    private static void moveLater(Pbx pbx, Channel[] channels, Location[] to) {
        pbx.scheduleMillis(pbx.timing.hangupSettle().toMillis(), () -> {
            java.util.List<Channel> moved = java.util.Arrays.asList(channels);
            java.util.List<Channel> orphans = new java.util.ArrayList<>();
            for (int i = 0; i < channels.length; i++) {
                Channel c = channels[i];
                if (c.gone) {
                    continue;
                }
                Channel partner = c.dialPartner;
                c.dialPartner = null;
                if (partner != null && !moved.contains(partner)) {
                    partner.dialPartner = null;
                    orphans.add(partner);
                }
                if (c.hangupPending) {
                    // a leg hung up right after the Redirect leaves its bridge where it was, then moves (23 c3)
                    pbx.hangups.moveOut(c);
                    c.moveTo(to[i].context(), to[i].exten(), to[i].priority());
                } else {
                    c.moveTo(to[i].context(), to[i].exten(), to[i].priority());
                    pbx.hangups.moveOut(c);
                }
            }
            for (int i = channels.length - 1; i >= 0; i--) {
                Channel c = channels[i];
                if (!c.gone && !c.hangupPending) {
                    pbx.dialplan.enter(c, to[i].context(), to[i].exten(), to[i].priority());
                }
            }
            // the other leg of a two-party call that was not moved is hung up when its bridge dissolves (23 e)
            for (Channel orphan : orphans) {
                if (!orphan.gone) {
                    pbx.hangups.detach(orphan, true);
                    pbx.hangups.endPair(orphan);
                }
            }
        });
    }
}
