package org.confroom.web.rooms;

import java.util.UUID;

import org.confroom.conference.invite.InviteResult;

/**
 * The outcome of one invite of a batch.
 *
 * @param target the number as typed, or {@code contact <id>}
 * @param queued true when the call was queued
 * @param attemptId the queued attempt, or null
 * @param number the number that will be dialled, or null when refused
 * @param refusal why it was refused, or null
 */
public record InviteResultView(String target, boolean queued, UUID attemptId, String number, String refusal) {

    static InviteResultView of(InviteResult r) {
        String target = r.target().number() != null ? r.target().number() : "contact " + r.target().contactId();
        return r.queued() ? new InviteResultView(target, true, r.attempt().id, r.attempt().number, null)
                : new InviteResultView(target, false, null, null, r.refusal());
    }
}
