package org.confroom.ami.action;

/**
 * {@code ConfbridgeKick}: removes members. {@code ConfbridgeLeave} follows at once, the member's
 * {@code Hangup} about 2.4 s later (transcript 24).
 */
public final class ConfbridgeKick extends ConferenceMemberAction {
    /**
     * @param conference the conference name
     * @param channel the member's channel, {@link #ALL} or {@link #PARTICIPANTS}
     */
    public ConfbridgeKick(String conference, String channel) {
        super("ConfbridgeKick", conference, channel);
    }
}
