package org.confroom.web.rooms;

import java.time.OffsetDateTime;

import org.confroom.conference.room.Room;

/**
 * A room as the API shows it.
 *
 * @param id room id
 * @param number conference number
 * @param name display name
 * @param bridgeProfile confbridge.conf bridge profile
 * @param userProfile confbridge.conf user profile
 * @param maxMembers member cap, or null
 * @param callerIdName caller id name shown to invited phones
 * @param callerIdNum caller id number shown to invited phones
 * @param pin PIN for dial-in callers, or null
 * @param archivedAt when archived, or null
 * @param version send it back with a change (PUT): a stale version is refused with 409
 */
public record RoomDto(long id, String number, String name, String bridgeProfile, String userProfile, Integer maxMembers,
        String callerIdName, String callerIdNum, String pin, OffsetDateTime archivedAt, int version) {

    static RoomDto of(Room r) {
        return new RoomDto(r.id, r.number, r.name, r.bridgeProfile, r.userProfile, r.maxMembers, r.callerIdName,
                r.callerIdNum, r.pin, r.archivedAt, r.version);
    }
}
