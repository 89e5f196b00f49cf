package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code DTMFEnd}: a DTMF digit ended. */
public final class DTMFEndEvent extends DTMFEvent {
    /** @param message the event message */
    public DTMFEndEvent(AmiMessage message) {
        super(message);
    }

    /** @return how long the digit lasted in milliseconds, -1 when absent */
    public int durationMs() {
        return intValue("DurationMs", -1);
    }
}
