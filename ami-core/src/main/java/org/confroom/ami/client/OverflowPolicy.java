package org.confroom.ami.client;

/**
 * What happens when the event queue is full because listeners are slower than Asterisk. Either way
 * the dropped events are counted ({@link AmiClient#stats()}) and announced to listeners with
 * {@link AmiEventListener#onEventsLost}. Blocking the reader is not offered: it would delay responses.
 */
public enum OverflowPolicy {
    /** Keep what is queued, drop the arriving event. */
    DROP_NEWEST,
    /** Drop the oldest queued event to make room for the arriving one. */
    DROP_OLDEST
}
