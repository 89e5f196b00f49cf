package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * An event about one member of a conference: the member's channel snapshot, the conference and
 * whether the member is an admin. Hidden channels ({@code CBAnn/...}, {@code CBRec/...}) never
 * appear as members.
 */
public abstract class ConfbridgeMemberEvent extends ChannelEvent implements ConfbridgeEvent {
    /** @param message the event message */
    protected ConfbridgeMemberEvent(AmiMessage message) {
        super(message);
    }

    /** @return true when the member is an admin ({@code Admin: Yes}) */
    public final boolean admin() {
        return flag("Admin");
    }
}
