package org.confroom.conference.invite;

import org.confroom.conference.invitee.InviteeRole;
import java.util.UUID;

/**
 * An attempt the dispatcher has claimed (now DIALING) with everything its Originate needs.
 *
 * @param id the attempt id, sent as ChannelId
 * @param kind invite or click-to-call
 * @param number the number dialled first
 * @param connectTo click-to-call: the second number; null for invites
 * @param dialString the Originate Channel
 * @param roomNumber invites: the room's conference number (the Exten); null for click-to-call
 * @param callerId the CallerID shown to the phone, {@code "name" <number>}
 * @param role the role in the room
 * @param bridgeProfile invites: the room's confbridge.conf bridge profile
 * @param userProfile invites: the room's confbridge.conf user profile
 */
public record ClaimedCall(UUID id, AttemptKind kind, String number, String connectTo, String dialString, String roomNumber,
        String callerId, InviteeRole role, String bridgeProfile, String userProfile) {
}
