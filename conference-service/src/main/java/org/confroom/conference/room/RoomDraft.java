package org.confroom.conference.room;

/**
 * What an operator enters for a room (create or edit). Blank optional values mean "not set".
 *
 * @param number conference number, digits only
 * @param name display name
 * @param bridgeProfile confbridge.conf bridge profile, blank for {@code default_bridge}
 * @param userProfile confbridge.conf user profile, blank for {@code default_user}
 * @param maxMembers member cap or null
 * @param callerIdName caller id name shown to invited phones
 * @param callerIdNum caller id number shown to invited phones
 * @param pin PIN for dial-in callers
 */
public record RoomDraft(String number, String name, String bridgeProfile, String userProfile, Integer maxMembers,
        String callerIdName, String callerIdNum, String pin) {

    /** @return a draft with only number and name */
    public static RoomDraft of(String number, String name) {
        return new RoomDraft(number, name, null, null, null, null, null, null);
    }
}
