package org.confroom.conference.invite;

import org.confroom.conference.room.Room;

/**
 * The CallerID an invited phone sees: {@code "name" <number>}. Quotes, angle brackets, backslashes and
 * control characters are removed from the name, so a room name cannot change how Asterisk parses it.
 */
public final class CallerIds {
    private static final int MAX_NAME = 80;

    private CallerIds() {
    }

    /** @return the room's caller id name (or its name) and caller id number (or its conference number) */
    public static String forRoom(Room room) {
        String name = room.callerIdName != null && !room.callerIdName.isBlank() ? room.callerIdName : room.name;
        String number = room.callerIdNum != null && !room.callerIdNum.isBlank() ? room.callerIdNum : room.number;
        return format(name, number);
    }

    /** @return for the first phone of a click-to-call: who it is about to be connected with */
    public static String forCall(String connectTo) {
        return format("Call to " + connectTo, DialSettings.digits(connectTo));
    }

    /** @return {@code "name" <number>} with a cleaned name */
    public static String format(String name, String number) {
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> c >= 0x20 && c != 0x7f && c != '"' && c != '<' && c != '>' && c != '\\')
                .forEach(clean::appendCodePoint);
        String n = clean.toString().strip();
        if (n.length() > MAX_NAME) {
            n = n.substring(0, MAX_NAME).strip();
        }
        return "\"" + n + "\" <" + number + ">";
    }
}
