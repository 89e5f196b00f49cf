package org.confroom.conference.invitee;

/** What an invited contact is in a room's conference. Moderators are dialled first and listed first. */
public enum InviteeRole {
    /** Leads the conference (ConfBridge admin/marked user, depending on the profiles); dialled first. */
    MODERATOR(10),
    /** An ordinary member. */
    PARTICIPANT(100);

    private final int priority;

    InviteeRole(int priority) {
        this.priority = priority;
    }

    /** @return the dispatch priority of a call attempt with this role: lower dials first */
    public int priority() {
        return priority;
    }
}
