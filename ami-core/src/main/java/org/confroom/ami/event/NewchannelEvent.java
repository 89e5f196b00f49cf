package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code Newchannel}: a channel was created (for Local channels, the {@code ;1} and {@code ;2} halves). */
public final class NewchannelEvent extends ChannelEvent {
    /** @param message the event message */
    public NewchannelEvent(AmiMessage message) {
        super(message);
    }
}
