package org.confroom.web.rooms;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.confroom.conference.invite.AttemptState;
import org.confroom.conference.invite.CallAttempt;
import org.confroom.conference.invite.FailureReason;
import org.confroom.conference.invitee.InviteeRole;

/**
 * A call attempt of a room as pages and the API show it.
 *
 * @param id the attempt (also the Asterisk ChannelId)
 * @param number the number dialled
 * @param contactId the directory contact, or null for a typed number
 * @param contactName its name, or null
 * @param role role in the room
 * @param state QUEUED, DIALING, ANSWERED, JOINED, ENDED or FAILED
 * @param failureReason why it failed, or null
 * @param failure the failure in plain words, with Asterisk's or the policy's detail; null unless FAILED
 * @param attemptNo 1, or n for the n-th try of a retried invite
 * @param queuedAt when it was asked for
 * @param dialingAt when it was dialled
 * @param answeredAt when the phone answered
 * @param joinedAt when it joined the room
 * @param finishedAt when it ended or failed
 * @param cancellable true while it can be cancelled (QUEUED or DIALING)
 * @param channel the channel it runs on (the ;1 side of the Local channel, the room member it becomes), null before the PBX named it
 */
public record AttemptView(UUID id, String number, Long contactId, String contactName, InviteeRole role, AttemptState state,
        FailureReason failureReason, String failure, int attemptNo, OffsetDateTime queuedAt, OffsetDateTime dialingAt,
        OffsetDateTime answeredAt, OffsetDateTime joinedAt, OffsetDateTime finishedAt, boolean cancellable, String channel) {

    static AttemptView of(CallAttempt a, String contactName) {
        return new AttemptView(a.id, a.number, a.contactId, contactName, a.role, a.state(), a.failureReason(), failure(a),
                a.attemptNo, a.queuedAt(), a.dialingAt(), a.answeredAt(), a.joinedAt(), a.finishedAt(),
                a.state() == AttemptState.QUEUED || a.state() == AttemptState.DIALING, a.channel);
    }

    /** @return when it was asked for, for display */
    public String queued() {
        return TimeText.of(queuedAt);
    }

    /** @return the time of its latest step, for display */
    public String lastChange() {
        OffsetDateTime t = finishedAt != null ? finishedAt : joinedAt != null ? joinedAt : answeredAt != null ? answeredAt
                : dialingAt != null ? dialingAt : queuedAt;
        return TimeText.of(t);
    }

    private static String failure(CallAttempt a) {
        if (a.failureReason() == null) {
            return null;
        }
        String words = switch (a.failureReason()) {
            case BUSY -> "the line was busy";
            case CONGESTION -> "the network could not reach the number";
            case NO_ANSWER -> "nobody answered";
            case NO_ROUTE -> "the PBX has no route to this number";
            case POLICY -> "the dial policy refused it";
            case CANCELLED -> "cancelled";
            case REJECTED -> "answered but did not get into the room (hung up, or the room was locked)";
            case ERROR -> "Asterisk refused the call";
            case LOST -> "the PBX connection was lost and the call was not found afterwards";
        };
        return a.failureDetail == null || a.failureDetail.isBlank() ? words : words + " (" + a.failureDetail + ")";
    }
}
