package org.confroom.conference.invite;

/**
 * The outcome of one invite of a batch: the queued attempt, or why it was refused.
 *
 * @param target what was asked
 * @param attempt the QUEUED attempt, or null when refused
 * @param refusal the refusal message (naming the field for validation errors), or null when queued
 */
public record InviteResult(InviteTarget target, CallAttempt attempt, String refusal) {

    /** @return true when the invite was queued */
    public boolean queued() {
        return attempt != null;
    }
}
