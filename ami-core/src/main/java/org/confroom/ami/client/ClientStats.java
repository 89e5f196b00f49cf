package org.confroom.ami.client;

/**
 * Counters of a client since it was created.
 *
 * @param actionsSent actions written to the wire
 * @param responses actions completed with a response (success or error)
 * @param timeouts actions that timed out
 * @param outcomeUnknown actions failed because the connection died after they were sent
 * @param eventsReceived events read from the wire (event-list items excluded)
 * @param eventsDelivered events handed to listeners
 * @param eventsLost events dropped by the overflow policy
 * @param eventQueueDepth events waiting for listeners right now
 * @param malformed malformed frames skipped by the decoder
 * @param connects successful logins (first connect and reconnects)
 */
public record ClientStats(long actionsSent, long responses, long timeouts, long outcomeUnknown,
                          long eventsReceived, long eventsDelivered, long eventsLost, int eventQueueDepth,
                          long malformed, long connects) {
}
