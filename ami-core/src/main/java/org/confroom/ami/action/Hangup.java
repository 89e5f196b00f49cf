package org.confroom.ami.action;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code Hangup}: hangs up one channel, or every channel whose name matches a regular expression
 * written as {@code /regex/}. A regular expression is answered with an event list of
 * {@code ChannelHungup} items (transcript 19). Needs write class {@code call} or {@code system}.
 *
 * @param channel a channel name, or {@code /regex/}
 * @param cause the Q.850 hangup cause (0 to 127), if any
 */
public record Hangup(String channel, OptionalInt cause) implements AmiAction {
    /** Highest cause code Asterisk accepts; larger ones are ignored by Asterisk. */
    public static final int MAX_CAUSE = 127;

    /** Checks the channel and the cause range. */
    public Hangup {
        Require.nonEmpty(channel, "channel");
        Objects.requireNonNull(cause, "cause");
        cause.ifPresent(c -> Require.range(c, 0, MAX_CAUSE, "cause"));
    }

    /** @return a hangup of one channel, for example {@code Local/1001@phones-00000002;1} */
    public static Hangup of(String channel) {
        return new Hangup(channel, OptionalInt.empty());
    }

    /** @return a hangup of one channel with a Q.850 cause, for example 16 (normal clearing) */
    public static Hangup of(String channel, int cause) {
        return new Hangup(channel, OptionalInt.of(cause));
    }

    /**
     * @param regex a POSIX extended regular expression; escape a {@code /} in it as {@code \/}
     * @return a hangup of every channel whose name matches, for example {@code ^Local\/3}
     */
    public static Hangup matching(String regex) {
        return of("/" + Require.nonEmpty(regex, "regex") + "/");
    }

    /** @return true when {@link #channel()} is a {@code /regex/} */
    public boolean isRegex() {
        return channel.length() > 1 && channel.startsWith("/") && channel.endsWith("/");
    }

    @Override
    public String name() {
        return "Hangup";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("Channel", channel);
        cause.ifPresent(c -> out.add("Cause", Integer.toString(c)));
    }
}
