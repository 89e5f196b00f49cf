package org.confroom.conference.invite;

/** Settings a test puts in place of the configured ones (installed with {@code QuarkusMock} for one test). */
class FixedDialSettings extends DialSettingsSource {
    private final DialSettings settings;

    FixedDialSettings(DialSettings settings) {
        this.settings = settings;
    }

    @Override
    public DialSettings current() {
        return settings;
    }
}
