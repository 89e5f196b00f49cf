package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * A DTMF event (class {@code dtmf}). A digit played with {@code PlayDTMF} to one half of a Local
 * channel is reported on the other half with direction {@code Received} (transcript 25).
 */
public abstract class DTMFEvent extends ChannelEvent {
    /** @param message the event message */
    protected DTMFEvent(AmiMessage message) {
        super(message);
    }

    /** @return the digit, for example {@code 5} */
    public final String digit() {
        return text("Digit");
    }

    /** @return {@code Received} or {@code Sent} */
    public final String direction() {
        return text("Direction");
    }
}
