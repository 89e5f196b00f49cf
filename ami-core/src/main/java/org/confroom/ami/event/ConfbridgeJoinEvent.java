package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code ConfbridgeJoin}: a channel entered a conference bridge. */
public final class ConfbridgeJoinEvent extends AmiEvent {
    /** @param message the event message */
    public ConfbridgeJoinEvent(AmiMessage message) {
        super(message);
    }

    /** @return the conference name, for example {@code 700} */
    public String conference() {
        return text("Conference");
    }

    /** @return the member's channel, for example {@code Local/1001@phones-00000002;1} */
    public String channel() {
        return text("Channel");
    }

    /** @return the member channel's unique id (equals the Originate ChannelId when one was given) */
    public String uniqueid() {
        return text("Uniqueid");
    }

    /** @return the member's caller id number */
    public String callerIdNum() {
        return text("CallerIDNum");
    }

    /** @return the member's caller id name */
    public String callerIdName() {
        return text("CallerIDName");
    }

    /** @return true when the member joined as an admin */
    public boolean admin() {
        return flag("Admin");
    }

    /** @return true when the member joined muted */
    public boolean muted() {
        return flag("Muted");
    }
}
