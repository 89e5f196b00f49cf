package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code ConfbridgeStart}: a conference was created by its first member. */
public final class ConfbridgeStartEvent extends AmiEvent implements ConfbridgeEvent, BridgeEvent {
    /** @param message the event message */
    public ConfbridgeStartEvent(AmiMessage message) {
        super(message);
    }
}
