package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code DialBegin}: a channel is being dialed. */
public final class DialBeginEvent extends DialEvent {
    /** @param message the event message */
    public DialBeginEvent(AmiMessage message) {
        super(message);
    }

    /** @return what was dialed, for example {@code 1006@phones} */
    public String dialString() {
        return text("DialString");
    }
}
