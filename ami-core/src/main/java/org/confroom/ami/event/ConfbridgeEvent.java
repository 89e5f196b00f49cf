package org.confroom.ami.event;

/**
 * Implemented by every {@code Confbridge*} event and event-list item: they name the conference.
 */
public interface ConfbridgeEvent {
    /** @return the value of a header, or the empty string; implemented by {@link AmiEvent#text} */
    String text(String key);

    /** @return the conference name, for example {@code 700} */
    default String conference() {
        return text("Conference");
    }
}
