package org.confroom.conference.calls;

import java.util.UUID;

import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.invite.AttemptAdmission;
import org.confroom.conference.invite.AttemptCanceller;
import org.confroom.conference.invite.AttemptKind;
import org.confroom.conference.invite.AttemptRequest;
import org.confroom.conference.invite.CallAttempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Click-to-call: calls a first number and, once it answers, connects it to a second one (the safe
 * replacement for URL-triggered callback scripts). Both numbers go through the dial policy; a call
 * between the same two numbers is de-duplicated like an invite. The attempt is a {@code call_attempt}
 * of kind CLICK_TO_CALL without room: ANSWERED when the first phone answered, JOINED when the second
 * one answered (connected), ENDED when they hang up; FAILED with the first phone's reason, or with the
 * second one's (BUSY, NO_ANSWER, CONGESTION) when only that one failed.
 */
@ApplicationScoped
public class ClickToCallService {
    @Inject
    AttemptAdmission admission;

    @Inject
    AttemptCanceller canceller;

    /**
     * @param from the number called first (as typed)
     * @param to the number it is connected to (as typed)
     * @param actor who asks (a user or {@code api:<token name>})
     * @return the QUEUED attempt
     * @throws ValidationException naming {@code from} or {@code to}
     * @throws ConflictException when the same call is already being dialled or a number is within its cooldown
     */
    public CallAttempt call(String from, String to, String actor) {
        return admission.admit(AttemptRequest.clickToCall(from, to, actor));
    }

    /**
     * Cancels a call while it is QUEUED or its first phone is still ringing.
     *
     * @return the attempt, now FAILED CANCELLED
     * @throws NotFoundException for an unknown call
     * @throws ConflictException when it is past ringing
     * @throws PbxCommandException when Asterisk refused the hangup
     */
    public CallAttempt cancel(UUID callId, String actor) {
        return canceller.cancel(callId, AttemptKind.CLICK_TO_CALL, actor, "click_to_call.cancel");
    }

    /** @throws NotFoundException for an unknown call */
    @Transactional
    public CallAttempt get(UUID callId) {
        return CallAttempt.<CallAttempt>find("id = ?1 and kind = ?2", callId, AttemptKind.CLICK_TO_CALL).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("no click-to-call with id " + callId));
    }
}
