package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code ConfbridgeUnmute}: a member was unmuted. */
public final class ConfbridgeUnmuteEvent extends ConfbridgeMemberEvent implements BridgeEvent {
    /** @param message the event message */
    public ConfbridgeUnmuteEvent(AmiMessage message) {
        super(message);
    }
}
