package org.confroom.ami.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * The delays of the simulated server, as measured in the recordings, and a time-scale factor applied to
 * all of them (0.05 runs a 3.2 s prompt in 160 ms; 0 makes everything immediate). The order of events
 * never depends on the scale, only their spacing.
 *
 * @param scale factor applied to every delay below except {@code hangupSettle}
 * @param joinPrompt conf-onlyperson: the first default_user member is listed this long before it enters the bridge (22)
 * @param lockedPrompt conf-locked: a caller that hits a locked conference hangs up this long after answer (26, 23 d)
 * @param kickPrompt conf-kicked: a kicked member stays listed this long before its hangup (24, 29)
 * @param memberHangupTrail the member half hangs up this long after its far end did (0.38 s in 24, 0.8 s in 22)
 * @param authFailureDelay the answer to a failed Login comes this late (02, 05)
 * @param dtmfDuration default PlayDTMF digit length; the answer comes when the digit has been played (25)
 * @param originateTimeout default ring time of Originate when the action gives no Timeout
 * @param shutdownClose time between the Shutdown event and the close of every connection (27)
 * @param dyingWindow after the close, connections are still accepted and closed without banner this long (27)
 * @param restartDown after the dying window, connections are refused this long (27)
 * @param bootDelay a login accepted right after a restart gets its FullyBooted this late (27)
 * @param hangupSettle unscaled window in which a channel with a pending hangup still exists (23 c1/c2 vs c4)
 */
public record SimTiming(double scale, Duration joinPrompt, Duration lockedPrompt, Duration kickPrompt,
        Duration memberHangupTrail, Duration authFailureDelay, Duration dtmfDuration, Duration originateTimeout,
        Duration shutdownClose, Duration dyingWindow, Duration restartDown, Duration bootDelay,
        Duration hangupSettle) {

    /** Validates the values. */
    public SimTiming {
        if (scale < 0 || Double.isNaN(scale)) {
            throw new IllegalArgumentException("time scale must be >= 0, was " + scale);
        }
        Objects.requireNonNull(joinPrompt, "joinPrompt");
        Objects.requireNonNull(lockedPrompt, "lockedPrompt");
        Objects.requireNonNull(kickPrompt, "kickPrompt");
        Objects.requireNonNull(memberHangupTrail, "memberHangupTrail");
        Objects.requireNonNull(authFailureDelay, "authFailureDelay");
        Objects.requireNonNull(dtmfDuration, "dtmfDuration");
        Objects.requireNonNull(originateTimeout, "originateTimeout");
        Objects.requireNonNull(shutdownClose, "shutdownClose");
        Objects.requireNonNull(dyingWindow, "dyingWindow");
        Objects.requireNonNull(restartDown, "restartDown");
        Objects.requireNonNull(bootDelay, "bootDelay");
        Objects.requireNonNull(hangupSettle, "hangupSettle");
    }

    /** @return the delays measured on the recorded Asterisk 22.10.1, unscaled */
    public static SimTiming recorded() {
        return new SimTiming(1.0, Duration.ofMillis(3160), Duration.ofMillis(1765), Duration.ofMillis(2382),
                Duration.ofMillis(800), Duration.ofMillis(1000), Duration.ofMillis(100), Duration.ofMillis(30_000),
                Duration.ofMillis(50), Duration.ofMillis(16), Duration.ofMillis(2000), Duration.ofMillis(95),
                Duration.ofMillis(5));
    }

    /** @return these delays with another scale factor */
    public SimTiming withScale(double newScale) {
        return new SimTiming(newScale, joinPrompt, lockedPrompt, kickPrompt, memberHangupTrail, authFailureDelay,
                dtmfDuration, originateTimeout, shutdownClose, dyingWindow, restartDown, bootDelay, hangupSettle);
    }

    /** @return these delays with another Login failure delay (before scaling) */
    public SimTiming withAuthFailureDelay(Duration delay) {
        return new SimTiming(scale, joinPrompt, lockedPrompt, kickPrompt, memberHangupTrail, delay,
                dtmfDuration, originateTimeout, shutdownClose, dyingWindow, restartDown, bootDelay, hangupSettle);
    }

    /** @return the scaled length of {@code d} in milliseconds */
    long scaledMillis(Duration d) {
        return Math.round(d.toMillis() * scale);
    }
}
