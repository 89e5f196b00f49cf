package org.confroom.conference.invitee;

/** What an invited contact is in a room's conference. Moderators are dialled first and listed first. */
public enum InviteeRole {
    /** Leads the conference (ConfBridge admin/marked user, depending on the profiles). */
    MODERATOR,
    /** An ordinary member. */
    PARTICIPANT
}
