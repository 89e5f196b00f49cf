package org.confroom.ami.action;

import java.util.Objects;

/**
 * {@code Events EventMask: ...}: switches the event classes of this session ({@code on}, {@code off},
 * or a list such as {@code call,system}). Asterisk answers {@code Events: On} or {@code Off}.
 * Events that arrive while the mask is off are dropped by Asterisk, not queued (transcript 29).
 *
 * @param eventMask the mask
 */
public record Events(String eventMask) implements AmiAction {
    /** Requires a mask. */
    public Events {
        Objects.requireNonNull(eventMask, "eventMask");
    }

    @Override
    public String name() {
        return "Events";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("EventMask", eventMask);
    }
}
