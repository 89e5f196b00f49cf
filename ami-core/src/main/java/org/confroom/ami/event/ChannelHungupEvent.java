package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * An item of the event list that answers {@code Hangup} with a {@code /regex/} channel: one
 * channel that was hung up.
 */
public final class ChannelHungupEvent extends AmiEvent {
    /** @param message the event message */
    public ChannelHungupEvent(AmiMessage message) {
        super(message);
    }

    /** @return the channel name */
    public String channel() {
        return text("Channel");
    }
}
