package org.confroom.conference.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything confroom reads from configuration ({@code confroom.*}). Secrets never go to the database. */
@ConfigMapping(prefix = "confroom")
public interface ConfroomConfig {

    /** @return the PBX connection and dial settings */
    Pbx pbx();

    /** @return the dial policy (toll-fraud guard, caps, cooldown, retries) */
    DialPolicyConfig dial();

    /** @return phone number handling */
    Directory directory();

    /** AMI connection and how calls are placed. */
    interface Pbx {
        /** @return the {@code pbx.name} row this connection serves */
        @WithDefault("default")
        String name();

        /** @return false to run without any PBX connection (nothing is dialled) */
        @WithDefault("true")
        boolean enabled();

        /** @return AMI host */
        @WithDefault("127.0.0.1")
        String host();

        /** @return AMI TCP port */
        @WithDefault("5038")
        int port();

        /** @return manager user (least privilege: read=call,system,reporting write=call,originate,reporting) */
        @WithDefault("confmgr")
        String username();

        /** @return manager secret */
        Optional<String> secret();

        /** @return true for the MD5 challenge login */
        @WithDefault("true")
        boolean md5();

        /**
         * @return the AMI event classes asked for at login; the live state needs {@code call} and
         *     {@code system}, and the default leaves out the flood of {@code dialplan} (VarSet, Newexten)
         */
        @WithDefault("call,system,reporting")
        String eventMask();

        /** @return true for TLS */
        @WithDefault("false")
        boolean tls();

        /**
         * @return the dial string of a number; {@code {number}} is the number as stored (E.164 with
         *     '+', or an extension), {@code {digits}} the same without '+'
         */
        @WithDefault("Local/{digits}@phones")
        String dialTemplate();

        /** @return the context whose extension {@code <room number>} runs ConfBridge with the room's profiles */
        @WithDefault("confbridge")
        String roomContext();

        /** @return how long an invited phone may ring */
        @WithDefault("30s")
        Duration ringTimeout();

        /** @return default AMI action timeout */
        @WithDefault("10s")
        Duration actionTimeout();

        /** @return how long a merge waits for both legs' ConfbridgeJoin */
        @WithDefault("8s")
        Duration mergeTimeout();

        /** @return interval of the ConfbridgeListRooms poll that sees lock changes (they emit no events) */
        @WithDefault("5s")
        Duration roomPollInterval();
    }

    /** The dial policy. */
    interface DialPolicyConfig {
        /** @return E.164 prefixes that may be dialled (e.g. {@code +49}); empty allows every prefix not blocked */
        Optional<List<String>> allowedPrefixes();

        /** @return prefixes that are never dialled (premium ranges), checked before the allowed ones */
        Optional<List<String>> blockedPrefixes();

        /** @return true to allow internal extensions (2 to 8 digits without '+') */
        @WithDefault("true")
        boolean allowExtensions();

        /** @return attempts dialling at once in one room */
        @WithDefault("10")
        int maxConcurrentPerRoom();

        /** @return attempts dialling at once on the PBX */
        @WithDefault("30")
        int maxConcurrentPerPbx();

        /** @return minimum time between two attempts to the same number */
        @WithDefault("10s")
        Duration cooldown();

        /** @return how often busy or unanswered attempts are retried */
        @WithDefault("2")
        int maxRetries();

        /** @return wait before a retry */
        @WithDefault("30s")
        Duration retryDelay();
    }

    /** Phone numbers. */
    interface Directory {
        /** @return region for numbers typed without country code (ISO 3166 alpha-2) */
        @WithDefault("DE")
        String defaultRegion();
    }
}
