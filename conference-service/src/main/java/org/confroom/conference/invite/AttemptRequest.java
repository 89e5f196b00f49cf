package org.confroom.conference.invite;

import org.confroom.conference.invitee.InviteeRole;
import java.util.Objects;

/**
 * What a caller asks to dial, before any check: numbers as typed, or a directory contact.
 *
 * @param kind invite or click-to-call
 * @param roomId the room (invites), null for click-to-call
 * @param contactId the directory contact whose number is dialled, or null when a number was typed
 * @param typedNumber the number as typed (invite, or the first number of a click-to-call), or null for a contact
 * @param typedConnectTo click-to-call: the second number as typed; null for invites
 * @param role the role in the room
 * @param actor who asks
 */
public record AttemptRequest(AttemptKind kind, Long roomId, Long contactId, String typedNumber, String typedConnectTo,
        InviteeRole role, String actor) {

    /** Checks that the parts fit the kind. */
    public AttemptRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(actor, "actor");
        if ((kind == AttemptKind.INVITE) != (roomId != null)) {
            throw new IllegalArgumentException("an invite needs a room, a click-to-call has none");
        }
        if (kind == AttemptKind.INVITE && (contactId == null) == (typedNumber == null)) {
            throw new IllegalArgumentException("an invite names a typed number or a contact, not both or neither");
        }
        if (kind == AttemptKind.CLICK_TO_CALL && (typedNumber == null || typedConnectTo == null || contactId != null)) {
            throw new IllegalArgumentException("a click-to-call names two typed numbers");
        }
    }

    /** @return an invite of a typed number */
    public static AttemptRequest invite(long roomId, String typedNumber, InviteeRole role, String actor) {
        return new AttemptRequest(AttemptKind.INVITE, roomId, null, typedNumber == null ? "" : typedNumber, null, role, actor);
    }

    /** @return an invite of a directory contact */
    public static AttemptRequest inviteContact(long roomId, long contactId, InviteeRole role, String actor) {
        return new AttemptRequest(AttemptKind.INVITE, roomId, contactId, null, null, role, actor);
    }

    /** @return a click-to-call from {@code from} to {@code to} */
    public static AttemptRequest clickToCall(String from, String to, String actor) {
        return new AttemptRequest(AttemptKind.CLICK_TO_CALL, null, null, from == null ? "" : from, to == null ? "" : to,
                InviteeRole.PARTICIPANT, actor);
    }

    /** @return the audit action: {@code invite} or {@code click_to_call} */
    public String auditAction() {
        return kind == AttemptKind.INVITE ? "invite" : "click_to_call";
    }

    /** @return the input field of the (first) number: {@code number}, {@code contactId} or {@code from} */
    public String numberField() {
        if (kind == AttemptKind.CLICK_TO_CALL) {
            return "from";
        }
        return contactId != null ? "contactId" : "number";
    }

    /** @return what the request targets, for the audit row of a refusal */
    public String target() {
        if (contactId != null) {
            return "contact " + contactId;
        }
        return kind == AttemptKind.CLICK_TO_CALL ? typedNumber + " -> " + typedConnectTo : typedNumber;
    }
}
