package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code ConfbridgeMute}: a member was muted (sent again for an already muted member). */
public final class ConfbridgeMuteEvent extends ConfbridgeMemberEvent implements BridgeEvent {
    /** @param message the event message */
    public ConfbridgeMuteEvent(AmiMessage message) {
        super(message);
    }
}
