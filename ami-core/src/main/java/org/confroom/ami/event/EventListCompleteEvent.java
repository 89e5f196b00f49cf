package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * The closing event of an event list ({@code ConfbridgeListComplete}, {@code CoreShowChannelsComplete},
 * ...), carrying {@code EventList: Complete} and the number of items.
 */
public final class EventListCompleteEvent extends AmiEvent {
    /** @param message the event message */
    public EventListCompleteEvent(AmiMessage message) {
        super(message);
    }

    /** @return the number of items Asterisk says it sent, -1 when absent */
    public int listItems() {
        return intValue("ListItems", -1);
    }
}
