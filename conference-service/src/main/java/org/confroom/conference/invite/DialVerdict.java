package org.confroom.conference.invite;

import java.util.Objects;

/**
 * What the {@link DialPolicy} says about a number: allowed, or refused with a rule and a sentence for
 * the operator (for example {@code +900123 is in a blocked range (+900)}).
 *
 * @param refusal the rule that refused it, null when allowed
 * @param message why it was refused, empty when allowed
 */
public record DialVerdict(Refusal refusal, String message) {
    /** The verdict of an allowed number. */
    public static final DialVerdict ALLOWED = new DialVerdict(null, "");

    /** Which rule refused a number. */
    public enum Refusal {
        /** The number starts with a blocked prefix (premium ranges). */
        BLOCKED_RANGE,
        /** Allowed prefixes are configured and the number starts with none of them. */
        NOT_IN_ALLOWED_RANGE,
        /** An internal extension while extensions are not allowed. */
        EXTENSION_NOT_ALLOWED,
        /** The number was dialled too recently. */
        COOLDOWN
    }

    /** Checks that a refusal has a message. */
    public DialVerdict {
        Objects.requireNonNull(message, "message");
        if (refusal != null && message.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a message");
        }
    }

    /** @return a refusal */
    public static DialVerdict refused(Refusal refusal, String message) {
        return new DialVerdict(Objects.requireNonNull(refusal, "refusal"), message);
    }

    /** @return true when the number may be dialled */
    public boolean allowed() {
        return refusal == null;
    }
}
