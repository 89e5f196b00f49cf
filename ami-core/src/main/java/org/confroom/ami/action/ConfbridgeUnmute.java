package org.confroom.ami.action;

/** {@code ConfbridgeUnmute}: unmutes members; emits one {@code ConfbridgeUnmute} per member. */
public final class ConfbridgeUnmute extends ConferenceMemberAction {
    /**
     * @param conference the conference name
     * @param channel the member's channel, {@link #ALL} or {@link #PARTICIPANTS}
     */
    public ConfbridgeUnmute(String conference, String channel) {
        super("ConfbridgeUnmute", conference, channel);
    }
}
