package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code NewCallerid}: a channel's caller id changed. */
public final class NewCalleridEvent extends ChannelEvent {
    /** @param message the event message */
    public NewCalleridEvent(AmiMessage message) {
        super(message);
    }

    /** @return the caller id presentation, for example {@code 0 (Presentation Allowed, Not Screened)} */
    public String cidCallingPres() {
        return text("CID-CallingPres");
    }
}
