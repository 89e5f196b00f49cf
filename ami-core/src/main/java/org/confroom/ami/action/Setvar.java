package org.confroom.ami.action;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code Setvar}: sets a channel variable, or a global variable when no channel is given.
 * Needs write class {@code call}.
 *
 * @param variable the variable or function, for example {@code CONFMGR_ROOM}
 * @param value the value, may be empty
 * @param channel the channel to set it on, if any
 */
public record Setvar(String variable, String value, Optional<String> channel) implements AmiAction {
    /** Checks the variable, the value and a given channel. */
    public Setvar {
        Require.nonEmpty(variable, "variable");
        Objects.requireNonNull(value, "value");
        Require.nonEmpty(channel, "channel");
    }

    /** @return an assignment of a global variable */
    public static Setvar global(String variable, String value) {
        return new Setvar(variable, value, Optional.empty());
    }

    /** @return an assignment of a variable on one channel */
    public static Setvar onChannel(String channel, String variable, String value) {
        return new Setvar(variable, value, Optional.of(channel));
    }

    @Override
    public String name() {
        return "Setvar";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        channel.ifPresent(c -> out.add("Channel", c));
        out.add("Variable", variable).add("Value", value);
    }
}
