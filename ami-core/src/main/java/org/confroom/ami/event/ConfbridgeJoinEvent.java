package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * {@code ConfbridgeJoin}: a channel entered a conference bridge. The first member of a new
 * conference joins about 3 s after it was sent there (it hears conf-onlyperson first).
 */
public final class ConfbridgeJoinEvent extends ConfbridgeMemberEvent implements BridgeEvent {
    /** @param message the event message */
    public ConfbridgeJoinEvent(AmiMessage message) {
        super(message);
    }

    /** @return true when the member joined muted */
    public boolean muted() {
        return flag("Muted");
    }
}
