package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code DTMFBegin}: a DTMF digit started. */
public final class DTMFBeginEvent extends DTMFEvent {
    /** @param message the event message */
    public DTMFBeginEvent(AmiMessage message) {
        super(message);
    }
}
