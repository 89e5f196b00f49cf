package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code BridgeDestroy}: a bridge was destroyed. */
public final class BridgeDestroyEvent extends AmiEvent implements BridgeEvent {
    /** @param message the event message */
    public BridgeDestroyEvent(AmiMessage message) {
        super(message);
    }
}
