package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * A {@code Dial*} event: the calling channel's snapshot, absent (empty accessors) when the dial was
 * started by an Originate, and the dialed channel's snapshot with the prefix {@code Dest}, of which
 * the name and id are exposed.
 */
public abstract class DialEvent extends ChannelEvent {
    /** @param message the event message */
    protected DialEvent(AmiMessage message) {
        super(message);
    }

    /** @return the dialed channel, for example {@code Local/2002@phones-00000008;1} */
    public final String destChannel() {
        return text("DestChannel");
    }

    /** @return the dialed channel's unique id */
    public final String destUniqueid() {
        return text("DestUniqueid");
    }
}
