package org.confroom.ami.client;

import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MalformedMessage;
import org.confroom.ami.event.AmiEvent;

/**
 * Receives events on the client's event thread, never on the I/O thread, in arrival order. A slow
 * listener cannot delay responses; it can only fill the bounded event queue, and then events are
 * dropped according to the {@link OverflowPolicy}, counted, and announced by {@link #onEventsLost}.
 */
@FunctionalInterface
public interface AmiEventListener {
    /** @param event an event (typed where ami-core has a class for it, else a plain {@link AmiEvent}) */
    void onEvent(AmiEvent event);

    /**
     * Events were dropped because the queue was full. Called before the first event after the gap (or
     * as soon as the queue drains). A service that keeps state from events should resynchronise.
     *
     * @param lost events dropped in this gap
     * @param totalLost events dropped since the client was created
     */
    default void onEventsLost(long lost, long totalLost) {
    }

    /**
     * A message that is neither an event nor the answer to a pending action (for example a response
     * whose ActionID is unknown because its action already timed out).
     *
     * @param message the message
     */
    default void onUnmatched(AmiMessage message) {
    }

    /**
     * Input that could not be decoded; the decoder skipped it and the connection goes on.
     *
     * @param malformed what was wrong and an excerpt
     */
    default void onMalformed(MalformedMessage malformed) {
    }
}
