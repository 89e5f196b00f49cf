package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code BridgeCreate}: a bridge was created. */
public final class BridgeCreateEvent extends AmiEvent implements BridgeEvent {
    /** @param message the event message */
    public BridgeCreateEvent(AmiMessage message) {
        super(message);
    }
}
