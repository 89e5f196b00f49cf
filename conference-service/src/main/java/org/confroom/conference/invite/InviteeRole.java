package org.confroom.conference.invite;

/** The role a phone gets in the room (columns {@code role} of {@code call_attempt} and {@code room_invitee}). */
public enum InviteeRole {
    /** Dialled first; the room context may give it an admin profile ({@code CONFROOM_ROLE}). */
    MODERATOR(10),
    /** Everybody else. */
    PARTICIPANT(100);

    private final int priority;

    InviteeRole(int priority) {
        this.priority = priority;
    }

    /** @return the dispatch priority of an attempt with this role: lower dials first */
    public int priority() {
        return priority;
    }
}
