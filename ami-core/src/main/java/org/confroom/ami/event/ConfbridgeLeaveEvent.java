package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * {@code ConfbridgeLeave}: a member left a conference. It carries no cause: a kick and a hangup
 * look the same here.
 */
public final class ConfbridgeLeaveEvent extends ConfbridgeMemberEvent implements BridgeEvent {
    /** @param message the event message */
    public ConfbridgeLeaveEvent(AmiMessage message) {
        super(message);
    }
}
