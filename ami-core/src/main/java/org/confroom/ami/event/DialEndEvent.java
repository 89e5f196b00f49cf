package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code DialEnd}: a dial ended, answered or not. */
public final class DialEndEvent extends DialEvent {
    /** @param message the event message */
    public DialEndEvent(AmiMessage message) {
        super(message);
    }

    /** @return the dial status: {@code ANSWER}, {@code BUSY}, {@code CONGESTION}, {@code NOANSWER}, ... */
    public String dialStatus() {
        return text("DialStatus");
    }
}
