package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code ConfbridgeEnd}: the last member left and the conference is gone. */
public final class ConfbridgeEndEvent extends AmiEvent implements ConfbridgeEvent, BridgeEvent {
    /** @param message the event message */
    public ConfbridgeEndEvent(AmiMessage message) {
        super(message);
    }
}
