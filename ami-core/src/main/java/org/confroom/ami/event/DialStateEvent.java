package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code DialState}: a dialed channel changed state without ending the dial, for example to ringing. */
public final class DialStateEvent extends DialEvent {
    /** @param message the event message */
    public DialStateEvent(AmiMessage message) {
        super(message);
    }

    /** @return the dial status, for example {@code RINGING} */
    public String dialStatus() {
        return text("DialStatus");
    }
}
