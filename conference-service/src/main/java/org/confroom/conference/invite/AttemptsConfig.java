package org.confroom.conference.invite;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the call-attempt dispatcher and of click-to-call ({@code confroom.attempts.*}). */
@ConfigMapping(prefix = "confroom.attempts")
public interface AttemptsConfig {
    /** @return how often the dispatcher looks for due attempts besides the wake-ups after each invite */
    @WithDefault("1s")
    Duration dispatchInterval();

    /**
     * @return the context a click-to-call's first phone is sent to once it answers, with the second
     *     number (digits) as extension; the recorded dialplan's {@code [calls]} runs {@code Dial(Local/${EXTEN}@phones)}
     */
    @WithDefault("calls")
    String clickToCallContext();
}
