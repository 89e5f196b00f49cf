package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code BridgeLeave}: a channel left a bridge. */
public final class BridgeLeaveEvent extends ChannelEvent implements BridgeEvent {
    /** @param message the event message */
    public BridgeLeaveEvent(AmiMessage message) {
        super(message);
    }
}
