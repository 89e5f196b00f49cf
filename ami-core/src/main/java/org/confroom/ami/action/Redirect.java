package org.confroom.ami.action;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code Redirect}: moves a channel, or two channels at once (dual redirect), to a dialplan
 * location. Asterisk checks both channels before moving either; {@code Response: Success} still
 * does not mean that a leg arrived, so confirm each leg by its own {@code ConfbridgeJoin}
 * (transcript 23). Asterisk does not check that the target exists: validate it beforehand.
 *
 * @param leg the channel to move and where to
 * @param extra the second channel of a dual redirect and where to, if any
 */
public record Redirect(Leg leg, Optional<Leg> extra) implements AmiAction {
    /** Requires the legs. */
    public Redirect {
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(extra, "extra");
    }

    /** @return a redirect of one channel */
    public static Redirect single(String channel, String context, String exten, int priority) {
        return new Redirect(new Leg(channel, context, exten, priority), Optional.empty());
    }

    /** @return a dual redirect that sends both channels to the same location, for example a conference */
    public static Redirect dual(String channel, String extraChannel, String context, String exten, int priority) {
        return dual(channel, context, exten, priority, extraChannel, context, exten, priority);
    }

    /** @return a dual redirect that sends each channel to its own location */
    public static Redirect dual(String channel, String context, String exten, int priority,
            String extraChannel, String extraContext, String extraExten, int extraPriority) {
        return new Redirect(new Leg(channel, context, exten, priority),
                Optional.of(Leg.checked("extra", extraChannel, extraContext, extraExten, extraPriority)));
    }

    /** @return true for a dual redirect */
    public boolean isDual() {
        return extra.isPresent();
    }

    @Override
    public String name() {
        return "Redirect";
    }

    /** Writes the headers in the order of transcript 10: both channels, then both locations. */
    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("Channel", leg.channel());
        extra.ifPresent(x -> out.add("ExtraChannel", x.channel()));
        out.add("Context", leg.context()).add("Exten", leg.exten()).add("Priority", Integer.toString(leg.priority()));
        extra.ifPresent(x -> out.add("ExtraContext", x.context()).add("ExtraExten", x.exten())
                .add("ExtraPriority", Integer.toString(x.priority())));
    }

    /**
     * One channel and its target location.
     *
     * @param channel the channel name, for example {@code Local/1001@phones-00000007;1}
     * @param context the target context
     * @param exten the target extension
     * @param priority the target priority, at least 1
     */
    public record Leg(String channel, String context, String exten, int priority) {
        /** Checks that every part is given. */
        public Leg {
            check("", channel, context, exten, priority);
        }

        /** @return a leg whose errors name its fields with a prefix, for example {@code extraChannel} */
        static Leg checked(String prefix, String channel, String context, String exten, int priority) {
            check(prefix, channel, context, exten, priority);
            return new Leg(channel, context, exten, priority);
        }

        private static void check(String prefix, String channel, String context, String exten, int priority) {
            Require.nonEmpty(channel, field(prefix, "channel"));
            Require.nonEmpty(context, field(prefix, "context"));
            Require.nonEmpty(exten, field(prefix, "exten"));
            Require.range(priority, 1, Integer.MAX_VALUE, field(prefix, "priority"));
        }

        private static String field(String prefix, String name) {
            return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }
}
