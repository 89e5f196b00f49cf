package org.confroom.conference.invitee;

import org.confroom.conference.directory.Contact;
import org.confroom.conference.directory.DialNumber;

/**
 * An invited contact as a room's list shows it: the invitation and the contact's data.
 *
 * @param roomId the room
 * @param contactId the contact
 * @param name contact name
 * @param number contact number
 * @param email contact e-mail or null
 * @param role role in the room
 * @param autoDial true when "call everyone" dials this contact
 */
public record Invitee(long roomId, long contactId, String name, DialNumber number, String email, InviteeRole role,
        boolean autoDial) {

    static Invitee of(RoomInvitee invitee, Contact contact) {
        return new Invitee(invitee.roomId, contact.id, contact.name, contact.dialNumber(), contact.email, invitee.role,
                invitee.autoDial);
    }
}
