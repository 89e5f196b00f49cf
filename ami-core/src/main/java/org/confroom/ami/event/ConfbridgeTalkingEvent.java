package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * {@code ConfbridgeTalking}: a member started or stopped talking (only with talk detection enabled
 * in the user profile).
 */
public final class ConfbridgeTalkingEvent extends ConfbridgeMemberEvent implements BridgeEvent {
    /** @param message the event message */
    public ConfbridgeTalkingEvent(AmiMessage message) {
        super(message);
    }

    /** @return true when the member started talking ({@code TalkingStatus: on}) */
    public boolean talking() {
        return flag("TalkingStatus");
    }
}
