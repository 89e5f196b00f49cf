package org.confroom.conference.invite;

import java.time.Duration;
import java.util.Objects;

/**
 * The dial settings in effect: the policy and how an Originate is built. Immutable; the dispatcher
 * reads them afresh for every round.
 *
 * @param policy the dial policy
 * @param dialTemplate dial string of a number; {@code {number}} is the number as stored, {@code {digits}} without '+'
 * @param roomContext the context whose extension {@code <room number>} runs the room's ConfBridge
 * @param clickToCallContext the context a click-to-call's first phone is sent to, extension = second number's digits
 * @param ringTimeout how long a phone may ring (Originate {@code Timeout})
 * @param actionTimeout AMI action timeout; the OriginateResponse is awaited for ringTimeout plus this
 */
public record DialSettings(DialPolicy policy, String dialTemplate, String roomContext, String clickToCallContext,
        Duration ringTimeout, Duration actionTimeout) {

    /** Checks the template and the contexts. */
    public DialSettings {
        Objects.requireNonNull(policy, "policy");
        if (dialTemplate == null || !(dialTemplate.contains("{number}") || dialTemplate.contains("{digits}"))
                || dialTemplate.indexOf('/') <= 0) {
            throw new IllegalArgumentException("confroom.pbx.dial-template must look like Technology/... and contain "
                    + "{number} or {digits}, was '" + dialTemplate + "'");
        }
        // the dial string becomes the Originate Channel header: a line break there would end the header (ami-core
        // refuses it at send time, but then every invite fails; say so at startup with the key instead)
        int control = firstControl(dialTemplate);
        if (control >= 0) {
            throw new IllegalArgumentException(String.format("confroom.pbx.dial-template must not contain control "
                    + "characters, found U+%04X at index %d", (int) dialTemplate.charAt(control), control));
        }
        requireName("confroom.pbx.room-context", roomContext);
        requireName("confroom.attempts.click-to-call-context", clickToCallContext);
        if (ringTimeout.isNegative() || ringTimeout.isZero() || actionTimeout.isNegative() || actionTimeout.isZero()) {
            throw new IllegalArgumentException("ring and action timeouts must be positive");
        }
    }

    /** @return the Originate {@code Channel} for a number */
    public String dialString(String number) {
        return dialTemplate.replace("{number}", number).replace("{digits}", digits(number));
    }

    /** @return the number without its '+' (the extension of a dialplan location) */
    public static String digits(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }

    /** @return a copy with another policy */
    public DialSettings withPolicy(DialPolicy p) {
        return new DialSettings(p, dialTemplate, roomContext, clickToCallContext, ringTimeout, actionTimeout);
    }

    /** @return a copy with another dial template */
    public DialSettings withDialTemplate(String template) {
        return new DialSettings(policy, template, roomContext, clickToCallContext, ringTimeout, actionTimeout);
    }

    /** @return a copy with another ring timeout */
    public DialSettings withRingTimeout(Duration timeout) {
        return new DialSettings(policy, dialTemplate, roomContext, clickToCallContext, timeout, actionTimeout);
    }

    private static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void requireName(String key, String value) {
        if (value == null || !value.matches("[A-Za-z0-9_.-]{1,80}")) {
            throw new IllegalArgumentException(key + " must be a dialplan context name, was '" + value + "'");
        }
    }
}
