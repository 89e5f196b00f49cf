package org.confroom.web.rooms;

import org.confroom.conference.ValidationException;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.jboss.resteasy.reactive.RestForm;

/** The room form as typed, kept as text so a refused form shows exactly what was entered. */
public class RoomForm {
    @RestForm
    public String number;
    @RestForm
    public String name;
    @RestForm
    public String bridgeProfile;
    @RestForm
    public String userProfile;
    @RestForm
    public String maxMembers;
    @RestForm
    public String callerIdName;
    @RestForm
    public String callerIdNum;
    @RestForm
    public String pin;
    /** The version the edit started from. */
    @RestForm
    public String version;

    static RoomForm empty() {
        return new RoomForm();
    }

    static RoomForm of(Room r) {
        RoomForm f = new RoomForm();
        f.number = r.number;
        f.name = r.name;
        f.bridgeProfile = r.bridgeProfile;
        f.userProfile = r.userProfile;
        f.maxMembers = r.maxMembers == null ? "" : r.maxMembers.toString();
        f.callerIdName = r.callerIdName;
        f.callerIdNum = r.callerIdNum;
        f.pin = r.pin;
        f.version = Integer.toString(r.version);
        return f;
    }

    /** @throws ValidationException ({@code maxMembers}) when it is not a whole number */
    RoomDraft draft() {
        return new RoomDraft(number, name, bridgeProfile, userProfile, integer("maxMembers", maxMembers), callerIdName,
                callerIdNum, pin);
    }

    /** @throws ValidationException ({@code version}) when missing or not a number (a form not from this application) */
    int expectedVersion() {
        Integer v = integer("version", version);
        if (v == null) {
            throw new ValidationException("version", "missing: open the room's edit page again");
        }
        return v;
    }

    private static Integer integer(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "'" + text.strip() + "' is not a whole number");
        }
    }
}
