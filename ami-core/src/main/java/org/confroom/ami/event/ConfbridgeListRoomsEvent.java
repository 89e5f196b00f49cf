package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * An item of the {@code ConfbridgeListRooms} event list: one conference. The only place that
 * shows the lock state.
 */
public final class ConfbridgeListRoomsEvent extends AmiEvent implements ConfbridgeEvent {
    /** @param message the event message */
    public ConfbridgeListRoomsEvent(AmiMessage message) {
        super(message);
    }

    /** @return the number of members, -1 when absent */
    public int parties() {
        return intValue("Parties", -1);
    }

    /** @return the number of marked members, -1 when absent */
    public int marked() {
        return intValue("Marked", -1);
    }

    /** @return true when the conference is locked */
    public boolean locked() {
        return flag("Locked");
    }

    /** @return true when the conference is muted */
    public boolean muted() {
        return flag("Muted");
    }
}
