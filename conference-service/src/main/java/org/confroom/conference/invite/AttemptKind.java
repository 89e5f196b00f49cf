package org.confroom.conference.invite;

/** What an attempt dials for (column {@code kind}). */
public enum AttemptKind {
    /** A phone invited into a room's conference. */
    INVITE,
    /** Click-to-call: {@code number} is called first and, once it answers, connected to {@code connect_to}. */
    CLICK_TO_CALL
}
