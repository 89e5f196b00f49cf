package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code Newstate}: a channel changed state, for example to {@code Up} when answered. */
public final class NewstateEvent extends ChannelEvent {
    /** @param message the event message */
    public NewstateEvent(AmiMessage message) {
        super(message);
    }
}
