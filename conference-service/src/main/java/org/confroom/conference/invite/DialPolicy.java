package org.confroom.conference.invite;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.confroom.conference.config.ConfroomConfig;

/**
 * The guard against toll fraud and runaway dialling, as pure logic (no I/O, no clock of its own):
 * which numbers may be dialled (blocked prefixes first, then the allowed ones, then extensions), how
 * soon a number may be dialled again (cooldown), how many attempts may ring at once per room and per
 * PBX, and when a busy or unanswered attempt is tried again. Immutable; build with {@link #from} or
 * {@link #builder()}.
 */
public final class DialPolicy {
    private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{1,15}");

    private final List<String> allowedPrefixes;
    private final List<String> blockedPrefixes;
    private final boolean allowExtensions;
    private final int maxConcurrentPerRoom;
    private final int maxConcurrentPerPbx;
    private final Duration cooldown;
    private final int maxRetries;
    private final Duration retryDelay;

    private DialPolicy(Builder b) {
        this.allowedPrefixes = List.copyOf(b.allowedPrefixes);
        this.blockedPrefixes = List.copyOf(b.blockedPrefixes);
        this.allowExtensions = b.allowExtensions;
        this.maxConcurrentPerRoom = b.maxConcurrentPerRoom;
        this.maxConcurrentPerPbx = b.maxConcurrentPerPbx;
        this.cooldown = b.cooldown;
        this.maxRetries = b.maxRetries;
        this.retryDelay = b.retryDelay;
    }

    /**
     * @param c the {@code confroom.dial.*} configuration
     * @return the policy it describes
     * @throws IllegalArgumentException naming the key of a malformed prefix or a negative limit
     */
    public static DialPolicy from(ConfroomConfig.DialPolicyConfig c) {
        return builder().allowedPrefixes(c.allowedPrefixes().orElse(List.of()))
                .blockedPrefixes(c.blockedPrefixes().orElse(List.of()))
                .allowExtensions(c.allowExtensions())
                .maxConcurrent(c.maxConcurrentPerRoom(), c.maxConcurrentPerPbx())
                .cooldown(c.cooldown())
                .retries(c.maxRetries(), c.retryDelay())
                .build();
    }

    /** @return a builder with the defaults of {@code confroom.dial.*} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this policy's rules */
    public Builder toBuilder() {
        return new Builder().allowedPrefixes(allowedPrefixes).blockedPrefixes(blockedPrefixes)
                .allowExtensions(allowExtensions).maxConcurrent(maxConcurrentPerRoom, maxConcurrentPerPbx)
                .cooldown(cooldown).retries(maxRetries, retryDelay);
    }

    /**
     * Checks a normalized number (E.164 with '+', or an extension of 2 to 8 digits) against the prefix
     * and extension rules. Blocked prefixes are checked first, so a blocked range inside an allowed
     * country stays blocked.
     *
     * @return allowed, or the refusal with its reason
     */
    public DialVerdict checkNumber(String number) {
        if (!number.startsWith("+")) {
            return allowExtensions ? DialVerdict.ALLOWED
                    : DialVerdict.refused(DialVerdict.Refusal.EXTENSION_NOT_ALLOWED,
                            number + " is an internal extension and extensions may not be dialled");
        }
        for (String blocked : blockedPrefixes) {
            if (number.startsWith(blocked)) {
                return DialVerdict.refused(DialVerdict.Refusal.BLOCKED_RANGE,
                        number + " is in a blocked range (" + blocked + ")");
            }
        }
        if (allowedPrefixes.isEmpty() || allowedPrefixes.stream().anyMatch(number::startsWith)) {
            return DialVerdict.ALLOWED;
        }
        return DialVerdict.refused(DialVerdict.Refusal.NOT_IN_ALLOWED_RANGE,
                number + " is not in an allowed range (" + String.join(", ", allowedPrefixes) + ")");
    }

    /**
     * @param number the number
     * @param lastDialled when an attempt to it last started or ended, if ever
     * @param now the current time
     * @return allowed once the cooldown after the last attempt has passed
     */
    public DialVerdict checkCooldown(String number, Optional<Instant> lastDialled, Instant now) {
        if (lastDialled.isEmpty() || cooldown.isZero()) {
            return DialVerdict.ALLOWED;
        }
        Duration since = Duration.between(lastDialled.get(), now);
        if (since.compareTo(cooldown) >= 0) {
            return DialVerdict.ALLOWED;
        }
        Duration wait = cooldown.minus(since.isNegative() ? Duration.ZERO : since);
        return DialVerdict.refused(DialVerdict.Refusal.COOLDOWN, number + " was dialled " + seconds(since)
                + " ago; the cooldown is " + seconds(cooldown) + ", try again in " + seconds(wait));
    }

    /**
     * @param activeInRoom attempts of the room now DIALING or ANSWERED; empty for an attempt without a room
     * @param activeOnPbx attempts of the PBX now DIALING or ANSWERED
     * @return true when one more attempt may start dialling
     */
    public boolean mayStart(OptionalInt activeInRoom, int activeOnPbx) {
        return activeOnPbx < maxConcurrentPerPbx
                && (activeInRoom.isEmpty() || activeInRoom.getAsInt() < maxConcurrentPerRoom);
    }

    /**
     * @param reason why the attempt failed
     * @param attemptNo its number (1 for the first attempt)
     * @param failedAt when it failed
     * @return when the next attempt is due, empty when there is none
     */
    public Optional<Instant> retryAt(FailureReason reason, int attemptNo, Instant failedAt) {
        return reason.retryable() && attemptNo <= maxRetries ? Optional.of(failedAt.plus(retryDelay)) : Optional.empty();
    }

    /** @return the per-PBX cap */
    public int maxConcurrentPerPbx() {
        return maxConcurrentPerPbx;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    @Override
    public String toString() {
        return "DialPolicy[allowed=" + allowedPrefixes + ", blocked=" + blockedPrefixes + ", extensions=" + allowExtensions
                + ", perRoom=" + maxConcurrentPerRoom + ", perPbx=" + maxConcurrentPerPbx + ", cooldown=" + cooldown
                + ", retries=" + maxRetries + " after " + retryDelay + "]";
    }

    /** Builder of {@link DialPolicy}; starts with the defaults of {@code confroom.dial.*}. */
    public static final class Builder {
        private final List<String> allowedPrefixes = new ArrayList<>();
        private final List<String> blockedPrefixes = new ArrayList<>();
        private boolean allowExtensions = true;
        private int maxConcurrentPerRoom = 10;
        private int maxConcurrentPerPbx = 30;
        private Duration cooldown = Duration.ofSeconds(10);
        private int maxRetries = 2;
        private Duration retryDelay = Duration.ofSeconds(30);

        private Builder() {
        }

        /** @param prefixes E.164 prefixes such as {@code +49}; empty allows every prefix not blocked. @return this */
        public Builder allowedPrefixes(List<String> prefixes) {
            allowedPrefixes.clear();
            allowedPrefixes.addAll(checked("confroom.dial.allowed-prefixes", prefixes));
            return this;
        }

        /** @param prefixes E.164 prefixes never dialled, such as {@code +900}. @return this */
        public Builder blockedPrefixes(List<String> prefixes) {
            blockedPrefixes.clear();
            blockedPrefixes.addAll(checked("confroom.dial.blocked-prefixes", prefixes));
            return this;
        }

        /** @return this */
        public Builder allowExtensions(boolean allow) {
            this.allowExtensions = allow;
            return this;
        }

        /** @param perRoom attempts ringing at once in one room @param perPbx on the PBX. @return this */
        public Builder maxConcurrent(int perRoom, int perPbx) {
            if (perRoom < 1 || perPbx < 1) {
                throw new IllegalArgumentException("confroom.dial.max-concurrent-per-room and -per-pbx must be at least 1, were "
                        + perRoom + " and " + perPbx);
            }
            this.maxConcurrentPerRoom = perRoom;
            this.maxConcurrentPerPbx = perPbx;
            return this;
        }

        /** @param value minimum time between attempts to one number (zero: none). @return this */
        public Builder cooldown(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("confroom.dial.cooldown must not be negative, was " + value);
            }
            this.cooldown = value;
            return this;
        }

        /** @param max retries after BUSY or NO_ANSWER (0: none) @param delay wait before each. @return this */
        public Builder retries(int max, Duration delay) {
            if (max < 0 || delay.isNegative()) {
                throw new IllegalArgumentException("confroom.dial.max-retries and retry-delay must not be negative, were "
                        + max + " and " + delay);
            }
            this.maxRetries = max;
            this.retryDelay = delay;
            return this;
        }

        /** @return the policy */
        public DialPolicy build() {
            return new DialPolicy(this);
        }

        private static List<String> checked(String key, List<String> prefixes) {
            List<String> out = new ArrayList<>();
            for (String p : prefixes) {
                String v = p.strip();
                if (!PREFIX.matcher(v).matches()) {
                    throw new IllegalArgumentException(key + ": '" + v + "' is not an E.164 prefix ('+' and 1 to 15 digits)");
                }
                out.add(v);
            }
            return out;
        }
    }
}
