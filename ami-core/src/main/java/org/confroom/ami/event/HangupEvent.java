package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * {@code Hangup}: a channel is gone. A kicked member gets cause 16, and so does a member whose far
 * end hung up; a caller rejected by a locked conference gets cause 0.
 */
public final class HangupEvent extends ChannelEvent {
    /** @param message the event message */
    public HangupEvent(AmiMessage message) {
        super(message);
    }

    /** @return the Q.850 cause code, -1 when absent */
    public int cause() {
        return intValue("Cause", -1);
    }

    /** @return the cause as text, for example {@code Normal Clearing} */
    public String causeText() {
        return text("Cause-txt");
    }
}
