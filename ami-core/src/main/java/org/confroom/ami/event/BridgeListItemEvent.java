package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** An item of the {@code BridgeList} event list: one bridge. */
public final class BridgeListItemEvent extends AmiEvent implements BridgeEvent {
    /** @param message the event message */
    public BridgeListItemEvent(AmiMessage message) {
        super(message);
    }
}
