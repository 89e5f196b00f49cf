package org.confroom.ami.action;

/**
 * {@code ConfbridgeMute}: mutes members; emits one {@code ConfbridgeMute} per member each time,
 * even when already muted.
 */
public final class ConfbridgeMute extends ConferenceMemberAction {
    /**
     * @param conference the conference name
     * @param channel the member's channel, {@link #ALL} or {@link #PARTICIPANTS}
     */
    public ConfbridgeMute(String conference, String channel) {
        super("ConfbridgeMute", conference, channel);
    }
}
