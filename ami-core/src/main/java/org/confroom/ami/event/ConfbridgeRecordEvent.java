package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code ConfbridgeRecord}: recording of a conference started. */
public final class ConfbridgeRecordEvent extends AmiEvent implements ConfbridgeEvent, BridgeEvent {
    /** @param message the event message */
    public ConfbridgeRecordEvent(AmiMessage message) {
        super(message);
    }
}
