package org.confroom.conference.invite;

import org.confroom.conference.config.ConfroomConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Supplies the {@link DialSettings} in effect, built once from {@code confroom.pbx.*},
 * {@code confroom.dial.*} and {@code confroom.attempts.*} (a malformed prefix or template fails at
 * first use with the key in the message). The single seam through which settings reach the services,
 * so that PBX settings kept elsewhere later (or a test) can supply their own.
 */
@ApplicationScoped
public class DialSettingsSource {
    @Inject
    ConfroomConfig config;

    @Inject
    AttemptsConfig attempts;

    private volatile DialSettings settings;

    /** @return the settings in effect */
    public DialSettings current() {
        DialSettings s = settings;
        if (s == null) {
            ConfroomConfig.Pbx p = config.pbx();
            s = new DialSettings(DialPolicy.from(config.dial()), p.dialTemplate(), p.roomContext(),
                    attempts.clickToCallContext(), p.ringTimeout(), p.actionTimeout());
            settings = s;
        }
        return s;
    }
}
