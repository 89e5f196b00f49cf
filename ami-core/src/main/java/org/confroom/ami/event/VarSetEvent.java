package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * {@code VarSet}: a channel variable was set (class {@code dialplan}; {@code BRIDGEPEER} updates make
 * these O(n&sup2;) in a conference).
 */
public final class VarSetEvent extends ChannelEvent {
    /** @param message the event message */
    public VarSetEvent(AmiMessage message) {
        super(message);
    }

    /** @return the variable name */
    public String variable() {
        return text("Variable");
    }

    /** @return the new value */
    public String value() {
        return text("Value");
    }
}
