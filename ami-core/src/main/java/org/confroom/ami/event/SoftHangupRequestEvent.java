package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code SoftHangupRequest}: a soft hangup was requested for a channel. */
public final class SoftHangupRequestEvent extends ChannelEvent {
    /** @param message the event message */
    public SoftHangupRequestEvent(AmiMessage message) {
        super(message);
    }

    /** @return the Q.850 cause code, -1 when absent */
    public int cause() {
        return intValue("Cause", -1);
    }
}
