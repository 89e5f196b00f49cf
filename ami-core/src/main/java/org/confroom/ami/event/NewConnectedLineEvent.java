package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code NewConnectedLine}: a channel's connected line changed. */
public final class NewConnectedLineEvent extends ChannelEvent {
    /** @param message the event message */
    public NewConnectedLineEvent(AmiMessage message) {
        super(message);
    }
}
