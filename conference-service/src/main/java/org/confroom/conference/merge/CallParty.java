package org.confroom.conference.merge;

import java.time.Instant;

/**
 * One channel of a live two-party call.
 *
 * @param channel the channel name, for example {@code Local/1001@phones-00000007;1}
 * @param uniqueid the channel's unique id
 * @param callerIdNum caller id number as Asterisk shows it on this channel
 * @param callerIdName caller id name (C-escaped by Asterisk)
 * @param since when the channel entered the bridge (for a channel first seen in a listing: when it was created)
 */
public record CallParty(String channel, String uniqueid, String callerIdNum, String callerIdName, Instant since) {
}
