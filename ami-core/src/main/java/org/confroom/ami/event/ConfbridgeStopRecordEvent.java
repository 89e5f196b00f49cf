package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code ConfbridgeStopRecord}: recording of a conference stopped. */
public final class ConfbridgeStopRecordEvent extends AmiEvent implements ConfbridgeEvent, BridgeEvent {
    /** @param message the event message */
    public ConfbridgeStopRecordEvent(AmiMessage message) {
        super(message);
    }
}
