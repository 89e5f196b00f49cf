package org.confroom.conference.invite;

import org.confroom.conference.invitee.InviteeRole;
import java.util.Objects;

/**
 * Who to invite: a typed number or a directory contact, with a role.
 *
 * @param number the number as typed, or null for a contact
 * @param contactId the contact, or null for a typed number
 * @param role the role in the room
 */
public record InviteTarget(String number, Long contactId, InviteeRole role) {

    /** Checks that exactly one of number and contact is given. */
    public InviteTarget {
        Objects.requireNonNull(role, "role");
        if ((number == null) == (contactId == null)) {
            throw new IllegalArgumentException("an invite target is a typed number or a contact, not both or neither");
        }
    }

    /** @return a typed number */
    public static InviteTarget number(String typed, InviteeRole role) {
        return new InviteTarget(typed == null ? "" : typed, null, role);
    }

    /** @return a directory contact */
    public static InviteTarget contact(long contactId, InviteeRole role) {
        return new InviteTarget(null, contactId, role);
    }

    AttemptRequest toRequest(long roomId, String actor) {
        return contactId != null ? AttemptRequest.inviteContact(roomId, contactId, role, actor)
                : AttemptRequest.invite(roomId, number, role, actor);
    }

    @Override
    public String toString() {
        return (contactId != null ? "contact " + contactId : number) + " as " + role;
    }
}
