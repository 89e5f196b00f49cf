package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code HangupRequest}: a hangup was requested for a channel. */
public final class HangupRequestEvent extends ChannelEvent {
    /** @param message the event message */
    public HangupRequestEvent(AmiMessage message) {
        super(message);
    }

    /** @return the Q.850 cause code, -1 when absent */
    public int cause() {
        return intValue("Cause", -1);
    }
}
