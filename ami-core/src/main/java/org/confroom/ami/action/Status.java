package org.confroom.ami.action;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Status}: lists the status of every channel, or of one, as an event list of {@code Status}
 * items. {@code Variables} asks for the values of some channel variables in each item.
 *
 * @param channel the channel, if only one is wanted
 * @param variables variable names to include, in order; empty for none
 */
public record Status(Optional<String> channel, List<String> variables) implements AmiAction {
    /** Checks the channel and the variable names (non-empty, without ','). */
    public Status {
        Require.nonEmpty(channel, "channel");
        variables = List.copyOf(Objects.requireNonNull(variables, "variables"));
        for (String v : variables) {
            if (Require.nonEmpty(v, "variables").indexOf(',') >= 0) {
                throw new IllegalArgumentException("variables must not contain ',': " + v);
            }
        }
    }

    /** @return the status of every channel */
    public static Status all() {
        return new Status(Optional.empty(), List.of());
    }

    /** @return the status of one channel with the values of the given variables */
    public static Status of(String channel, String... variables) {
        return new Status(Optional.of(channel), List.of(variables));
    }

    @Override
    public String name() {
        return "Status";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        channel.ifPresent(c -> out.add("Channel", c));
        if (!variables.isEmpty()) {
            out.add("Variables", String.join(",", variables));
        }
    }
}
