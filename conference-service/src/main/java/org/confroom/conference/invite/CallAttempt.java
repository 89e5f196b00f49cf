package org.confroom.conference.invite;

import org.confroom.conference.invitee.InviteeRole;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One dial attempt (table {@code call_attempt}): an invite of a phone into a room, or a click-to-call.
 * The id is the AMI {@code ChannelId}, so the {@code ;1} channel has it as Uniqueid and an attempt whose
 * outcome became unknown can be found on the PBX again.
 *
 * <p>The state and its timestamps are private: they change only through {@link #moveTo} and
 * {@link #fail}, which check the transition table of {@link AttemptState}.
 */
@Entity
@Table(name = "call_attempt")
public class CallAttempt extends PanacheEntityBase {
    /** The attempt id, also the Originate ChannelId. */
    @Id
    public UUID id;

    /** The PBX whose dispatcher dials it. */
    @Column(name = "pbx_id", nullable = false)
    public Long pbxId;

    /** The room (invites), null for click-to-call. */
    @Column(name = "room_id")
    public Long roomId;

    /** The directory contact, when invited from the directory. */
    @Column(name = "contact_id")
    public Long contactId;

    /** The number dialled: E.164 or an internal extension. */
    @Column(nullable = false)
    public String number;

    /** The role in the room. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InviteeRole role = InviteeRole.PARTICIPANT;

    /** Dispatch order: lower first. */
    @Column(nullable = false)
    public int priority = InviteeRole.PARTICIPANT.priority();

    /** Invite or click-to-call. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptKind kind = AttemptKind.INVITE;

    /** Click-to-call: the second number. */
    @Column(name = "connect_to")
    public String connectTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptState state = AttemptState.QUEUED;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_reason")
    private FailureReason failureReason;

    /** Details of a failure: Asterisk's message, the policy's sentence. */
    @Column(name = "failure_detail")
    public String failureDetail;

    /** 1 for the first attempt, n+1 for a retry. */
    @Column(name = "attempt_no", nullable = false)
    public int attemptNo = 1;

    /** The attempt this one retries. */
    @Column(name = "retry_of")
    public UUID retryOf;

    /** Not dialled before this time (retries). */
    @Column(name = "not_before", nullable = false)
    public OffsetDateTime notBefore;

    /** The dial string sent as Originate {@code Channel}. */
    @Column(name = "dial_string")
    public String dialString;

    /** The ActionID of the Originate, from its OriginateResponse. */
    @Column(name = "action_id")
    public String actionId;

    /** The {@code ;1} channel name, once seen. */
    public String channel;

    /** Sent, then the AMI connection was lost (or the response timed out): reconciled, never re-sent. */
    @Column(name = "outcome_unknown", nullable = false)
    public boolean outcomeUnknown;

    /** Who asked for it. */
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "queued_at", nullable = false)
    private OffsetDateTime queuedAt;

    @Column(name = "dialing_at")
    private OffsetDateTime dialingAt;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Column(name = "joined_at")
    private OffsetDateTime joinedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "failed_at")
    private OffsetDateTime failedAt;

    /** Optimistic lock. */
    @Version
    public int version;

    /**
     * @param id the new attempt's id (the ChannelId)
     * @param at when it was queued; it may be dialled from then on
     * @return a QUEUED attempt without number, kind or requester yet
     */
    public static CallAttempt queued(UUID id, OffsetDateTime at) {
        CallAttempt a = new CallAttempt();
        a.id = Objects.requireNonNull(id, "id");
        a.queuedAt = at;
        a.notBefore = at;
        return a;
    }

    /**
     * @param at now
     * @param notBefore when the retry is due
     * @return a QUEUED retry of this attempt: same room, number, role and requester, the next attempt number
     */
    public CallAttempt retry(OffsetDateTime at, OffsetDateTime notBefore) {
        CallAttempt r = queued(UUID.randomUUID(), at);
        r.pbxId = pbxId;
        r.roomId = roomId;
        r.contactId = contactId;
        r.number = number;
        r.connectTo = connectTo;
        r.kind = kind;
        r.role = role;
        r.priority = priority;
        r.requestedBy = requestedBy;
        r.attemptNo = attemptNo + 1;
        r.retryOf = id;
        r.notBefore = notBefore;
        return r;
    }

    /**
     * Moves to a state other than FAILED and stamps its timestamp column.
     *
     * @throws IllegalTransitionException when the transition table does not allow it
     */
    public void moveTo(AttemptState next, OffsetDateTime at) {
        if (next == AttemptState.FAILED) {
            throw new IllegalArgumentException("use fail(reason, detail, at) for FAILED");
        }
        check(next);
        state = next;
        switch (next) {
            case QUEUED -> dialingAt = null; // never left this process: as if it had not been claimed
            case DIALING -> dialingAt = at;
            case ANSWERED -> answeredAt = at;
            case JOINED -> joinedAt = at;
            case ENDED -> endedAt = at;
            default -> throw new IllegalStateException("unhandled state " + next);
        }
    }

    /**
     * Moves to FAILED with a reason.
     *
     * @param detail a sentence for the operator, or null
     * @throws IllegalTransitionException when the attempt is already final
     */
    public void fail(FailureReason reason, String detail, OffsetDateTime at) {
        check(AttemptState.FAILED);
        state = AttemptState.FAILED;
        failureReason = Objects.requireNonNull(reason, "reason");
        failureDetail = detail;
        failedAt = at;
    }

    private void check(AttemptState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalTransitionException(id, state, next);
        }
    }

    /** @return the state */
    public AttemptState state() {
        return state;
    }

    /** @return why it failed, null unless FAILED */
    public FailureReason failureReason() {
        return failureReason;
    }

    /** @return when it was queued */
    public OffsetDateTime queuedAt() {
        return queuedAt;
    }

    /** @return when it was claimed for dialling, or null */
    public OffsetDateTime dialingAt() {
        return dialingAt;
    }

    /** @return when the phone answered, or null */
    public OffsetDateTime answeredAt() {
        return answeredAt;
    }

    /** @return when it joined the room (click-to-call: was connected), or null */
    public OffsetDateTime joinedAt() {
        return joinedAt;
    }

    /** @return when it left, or null */
    public OffsetDateTime endedAt() {
        return endedAt;
    }

    /** @return when it failed, or null */
    public OffsetDateTime failedAt() {
        return failedAt;
    }

    /** @return when it ended or failed, or null while active */
    public OffsetDateTime finishedAt() {
        return endedAt != null ? endedAt : failedAt;
    }

    @Override
    public String toString() {
        return "CallAttempt[" + id + " " + kind + " " + number + (connectTo == null ? "" : " -> " + connectTo)
                + (roomId == null ? "" : " room " + roomId) + " " + state + (failureReason == null ? "" : " " + failureReason)
                + (attemptNo > 1 ? " #" + attemptNo : "") + "]";
    }
}
