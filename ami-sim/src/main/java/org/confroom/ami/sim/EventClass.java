package org.confroom.ami.sim;

import java.util.Locale;
import java.util.Optional;

/** The AMI permission classes of Asterisk 22, used both for event classes (read) and action rights (write). */
enum EventClass {
    SYSTEM, CALL, LOG, VERBOSE, COMMAND, AGENT, USER, CONFIG, DTMF, REPORTING, CDR, DIALPLAN, ORIGINATE, AGI, CC,
    AOC, TEST, SECURITY, MESSAGE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** @return the class name as written in manager.conf and in {@code Privilege:} headers */
    String wireName() {
        return wireName;
    }

    /** @return the {@code Privilege:} value of an event of this class, for example {@code call,all} */
    String privilege() {
        return wireName + ",all";
    }

    static Optional<EventClass> byName(String name) {
        for (EventClass c : values()) {
            if (c.wireName.equalsIgnoreCase(name.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
