package org.confroom.ami.sim;

import java.util.Optional;

/**
 * The recorded extensions.conf: {@code [phones]} (answer, 8XXX busy, 7XXX congestion, 9XXX ringing),
 * {@code [busy]}, {@code [congestion]}, {@code [noanswer]}, {@code [confbridge]}, {@code [confbridge-quiet]}
 * and {@code [calls]} (Dial of {@code Local/${EXTEN}@phones}).
 */
final class Dialplan {
    /** What a phone extension does when called. */
    enum Phone {
        ANSWER("answering"), BUSY("is busy"), CONGESTION("unreachable"), RING("rings forever");

        final String noOpText;

        Phone(String noOpText) {
            this.noOpText = noOpText;
        }
    }

    /** Kinds of extension in the recorded dialplan. */
    enum Kind { PHONE, CONFBRIDGE, CALLS }

    /** A resolved extension. */
    record Target(Kind kind, Phone phone, UserProfile profile, boolean explicitContext) {
    }

    private Dialplan() {
    }

    /** @return what {@code exten@context} runs, or empty when there is no such context or extension */
    static Optional<Target> resolve(String context, String exten) {
        if (!matchesAnyNumber(exten)) {
            return Optional.empty();
        }
        switch (context) {
            case "phones":
                return Optional.of(new Target(Kind.PHONE, phoneBehaviour(exten), null, false));
            case "busy":
                return Optional.of(new Target(Kind.PHONE, Phone.BUSY, null, true));
            case "congestion":
                return Optional.of(new Target(Kind.PHONE, Phone.CONGESTION, null, true));
            case "noanswer":
                return Optional.of(new Target(Kind.PHONE, Phone.RING, null, true));
            case "confbridge":
                return Optional.of(new Target(Kind.CONFBRIDGE, null, UserProfile.DEFAULT_USER, false));
            case "confbridge-quiet":
                return Optional.of(new Target(Kind.CONFBRIDGE, null, UserProfile.QUIET_USER, false));
            case "calls":
                return Optional.of(new Target(Kind.CALLS, null, null, false));
            default:
                return Optional.empty();
        }
    }

    /** {@code _X.}: a digit followed by at least one more character. */
    private static boolean matchesAnyNumber(String exten) {
        return exten.length() >= 2 && Character.isDigit(exten.charAt(0));
    }

    private static Phone phoneBehaviour(String exten) {
        if (exten.length() == 4 && exten.chars().allMatch(Character::isDigit)) {
            switch (exten.charAt(0)) {
                case '8': return Phone.BUSY;
                case '7': return Phone.CONGESTION;
                case '9': return Phone.RING;
                default: break;
            }
        }
        return Phone.ANSWER;
    }
}
