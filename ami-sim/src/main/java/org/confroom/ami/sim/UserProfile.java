package org.confroom.ami.sim;

import java.util.Locale;
import java.util.Optional;

/** The ConfBridge user profiles of the recorded confbridge.conf. */
enum UserProfile {
    /** quiet=no, announce_only_user=yes: the first member hears conf-onlyperson before entering the bridge */
    DEFAULT_USER("default_user", true),
    /** quiet=yes, announce_only_user=no */
    QUIET_USER("quiet_user", false),
    /** admin=yes, marked=yes (not used by the recorded dialplan) */
    ADMIN_USER("admin_user", true);

    final String confName;
    final boolean announcesOnlyPerson;

    UserProfile(String confName, boolean announcesOnlyPerson) {
        this.confName = confName;
        this.announcesOnlyPerson = announcesOnlyPerson;
    }

    static Optional<UserProfile> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (UserProfile p : values()) {
            if (p.confName.equals(n)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
