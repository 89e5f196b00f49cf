package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * An item of the {@code ConfbridgeList} event list: one member. A member is listed from the
 * moment it is sent to the conference, before its {@code ConfbridgeJoin}, and a kicked member
 * stays listed until it hangs up.
 */
public final class ConfbridgeListEvent extends ConfbridgeMemberEvent {
    /** @param message the event message */
    public ConfbridgeListEvent(AmiMessage message) {
        super(message);
    }

    /** @return true for a marked user */
    public boolean markedUser() {
        return flag("MarkedUser");
    }

    /** @return true when the member waits for a marked user */
    public boolean waitMarked() {
        return flag("WaitMarked");
    }

    /** @return true when the member leaves when the last marked user leaves */
    public boolean endMarked() {
        return flag("EndMarked");
    }

    /** @return true when the member leaves when any marked user leaves */
    public boolean endMarkedAny() {
        return flag("EndMarkedAny");
    }

    /** @return true while the member waits for a marked user */
    public boolean waiting() {
        return flag("Waiting");
    }

    /** @return true when the member is muted */
    public boolean muted() {
        return flag("Muted");
    }

    /** @return true while the member talks (with talk detection) */
    public boolean talking() {
        return flag("Talking");
    }

    /** @return seconds since the member's channel was answered, -1 when absent */
    public int answeredTime() {
        return intValue("AnsweredTime", -1);
    }
}
