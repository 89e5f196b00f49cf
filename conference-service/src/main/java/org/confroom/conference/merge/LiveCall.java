package org.confroom.conference.merge;

import java.time.Duration;
import java.time.Instant;

/**
 * A live two-party call: exactly two channels in one basic bridge ({@code simple_bridge} or native), not a
 * conference.
 *
 * @param id the bridge's unique id; the call id for {@link MergeService#merge(String, long, String)}
 * @param a the channel that entered the bridge first (or was listed first)
 * @param b the other channel
 */
public record LiveCall(String id, CallParty a, CallParty b) {
    /** @return when the call began (the earlier of both channels) */
    public Instant since() {
        return a.since().isBefore(b.since()) ? a.since() : b.since();
    }

    /** @return how long the call has lasted so far */
    public Duration duration() {
        return Duration.between(since(), Instant.now());
    }

    /** @return true when one of the two channels has this name */
    public boolean has(String channel) {
        return a.channel().equals(channel) || b.channel().equals(channel);
    }
}
