package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code BridgeEnter}: a channel entered a bridge. */
public final class BridgeEnterEvent extends ChannelEvent implements BridgeEvent {
    /** @param message the event message */
    public BridgeEnterEvent(AmiMessage message) {
        super(message);
    }
}
