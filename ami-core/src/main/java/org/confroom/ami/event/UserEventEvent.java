package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * {@code UserEvent}: a custom event raised by the dialplan or by the {@code UserEvent} action; its
 * headers are free-form, read them with {@link #get(String)}.
 */
public final class UserEventEvent extends AmiEvent {
    /** @param message the event message */
    public UserEventEvent(AmiMessage message) {
        super(message);
    }

    /** @return the name given by the sender */
    public String userEvent() {
        return text("UserEvent");
    }
}
