package org.confroom.ami.action;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code PlayDTMF}: plays one DTMF digit to a channel. Asterisk answers only after the digit has
 * been played (Duration, default 100 ms), so the session is busy meanwhile (transcript 25).
 *
 * @param channel the channel, for example a conference member
 * @param digit one of {@code 0-9 * # A-D}
 * @param duration how long to play it, if not Asterisk's default
 * @param receive true to have the channel receive the digit instead of sending it
 */
public record PlayDTMF(String channel, char digit, Optional<Duration> duration, boolean receive) implements AmiAction {
    private static final String DIGITS = "0123456789*#ABCD";
    // Asterisk reads the header as a C int of milliseconds
    private static final Duration MAX_DURATION = Duration.ofMillis(Integer.MAX_VALUE);

    /** Checks the channel, the digit and a given duration. */
    public PlayDTMF {
        Require.nonEmpty(channel, "channel");
        if (DIGITS.indexOf(digit) < 0) {
            throw new IllegalArgumentException("digit must be one DTMF character of " + DIGITS
                    + ", was '" + digit + "'");
        }
        Objects.requireNonNull(duration, "duration");
        duration.ifPresent(d -> {
            if (d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("duration must be between 0 and " + MAX_DURATION + ", was " + d);
            }
        });
    }

    /** @return the digit played for Asterisk's default duration */
    public static PlayDTMF of(String channel, char digit) {
        return new PlayDTMF(channel, digit, Optional.empty(), false);
    }

    /** @return a copy that plays the digit for the given time */
    public PlayDTMF withDuration(Duration value) {
        return new PlayDTMF(channel, digit, Optional.of(Objects.requireNonNull(value, "duration")), receive);
    }

    /** @return a copy that has the channel receive the digit */
    public PlayDTMF received() {
        return new PlayDTMF(channel, digit, duration, true);
    }

    @Override
    public String name() {
        return "PlayDTMF";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("Channel", channel).add("Digit", String.valueOf(digit));
        duration.ifPresent(d -> out.add("Duration", Long.toString(d.toMillis())));
        if (receive) {
            out.add("Receive", "true");
        }
    }
}
