package org.confroom.conference.invite;

import org.confroom.conference.invitee.InviteeRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.confroom.conference.ConferenceException;
import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.room.RoomService;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Invites phones into a room by number: typed numbers, directory contacts, or all of a room's
 * auto-dial invitees. Each invite is admitted on its own ({@link AttemptAdmission}: room active, not
 * already being dialled, dial policy, QUEUED row and audit row in one transaction) and dialled later by
 * the {@link AttemptDispatcher}; a refused invite leaves no attempt row, only a REFUSED audit row.
 */
@ApplicationScoped
public class InvitationService {
    @Inject
    AttemptAdmission admission;

    @Inject
    AttemptCanceller canceller;

    @Inject
    DirectoryReads directory;

    @Inject
    RoomService rooms;

    /**
     * Invites a typed number.
     *
     * @return the QUEUED attempt
     * @throws ValidationException ({@code number}) for a number that is not dialable or that the policy refuses
     * @throws ConflictException when it is already being dialled into the room, within its cooldown, or the room is archived
     * @throws NotFoundException for an unknown room
     */
    public CallAttempt invite(long roomId, String number, InviteeRole role, String actor) {
        return admission.admit(AttemptRequest.invite(roomId, number, role, actor));
    }

    /**
     * Invites a directory contact by its stored number.
     *
     * @return the QUEUED attempt
     * @throws NotFoundException for an unknown room or contact; otherwise as {@link #invite}
     */
    public CallAttempt inviteContact(long roomId, long contactId, InviteeRole role, String actor) {
        return admission.admit(AttemptRequest.inviteContact(roomId, contactId, role, actor));
    }

    /**
     * Invites several numbers or contacts; each is admitted or refused on its own.
     *
     * @return one result per target, in order
     */
    public List<InviteResult> inviteAll(long roomId, List<InviteTarget> targets, String actor) {
        List<InviteResult> results = new ArrayList<>();
        for (InviteTarget t : targets) {
            try {
                results.add(new InviteResult(t, admission.admit(t.toRequest(roomId, actor)), null));
            } catch (ConferenceException e) {
                results.add(new InviteResult(t, null, e.getMessage()));
            }
        }
        return results;
    }

    /**
     * Dials every invitee of the room with auto-dial on, moderators first.
     *
     * @return one result per invitee
     * @throws NotFoundException for an unknown room
     */
    public List<InviteResult> dialInvitees(long roomId, String actor) {
        rooms.get(roomId);
        List<InviteTarget> targets = directory.autoDialInvitees(roomId).stream()
                .map(i -> InviteTarget.contact(i.contactId(), i.role())).toList();
        return inviteAll(roomId, targets, actor);
    }

    /**
     * Cancels an invite while it is QUEUED or DIALING (a ringing phone is hung up).
     *
     * @return the attempt, now FAILED CANCELLED
     * @throws NotFoundException for an unknown attempt
     * @throws ConflictException when it already answered, joined or finished
     * @throws PbxCommandException when Asterisk refused the hangup
     */
    public CallAttempt cancel(UUID attemptId, String actor) {
        return canceller.cancel(attemptId, AttemptKind.INVITE, actor, "invite.cancel");
    }

    /** @throws NotFoundException for an unknown attempt */
    @Transactional
    public CallAttempt get(UUID attemptId) {
        return CallAttempt.<CallAttempt>findByIdOptional(attemptId)
                .orElseThrow(() -> new NotFoundException("no call attempt with id " + attemptId));
    }

    /** @return the room's most recent attempts, newest first */
    @Transactional
    public List<CallAttempt> recentForRoom(long roomId, int limit) {
        return CallAttempt.<CallAttempt>find("roomId", Sort.descending("queuedAt"), roomId).page(0, limit).list();
    }
}
