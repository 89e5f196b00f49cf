package org.confroom.ami.action;

import java.util.Optional;

/**
 * {@code Getvar}: reads a channel variable, a function such as {@code CALLERID(num)}, or a global
 * variable when no channel is given. The answer carries {@code Variable:} and {@code Value:};
 * a missing channel is answered {@code No such channel} (transcript 21).
 *
 * @param variable the variable or function
 * @param channel the channel to read it on, if any
 */
public record Getvar(String variable, Optional<String> channel) implements AmiAction {
    /** Checks the variable and a given channel. */
    public Getvar {
        Require.nonEmpty(variable, "variable");
        Require.nonEmpty(channel, "channel");
    }

    /** @return a read of a global variable */
    public static Getvar global(String variable) {
        return new Getvar(variable, Optional.empty());
    }

    /** @return a read of a variable on one channel */
    public static Getvar onChannel(String channel, String variable) {
        return new Getvar(variable, Optional.of(channel));
    }

    @Override
    public String name() {
        return "Getvar";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        channel.ifPresent(c -> out.add("Channel", c));
        out.add("Variable", variable);
    }
}
