package org.confroom.ami.codec;

/** What a message is, decided by its first header line (never by the presence of another header). */
public enum MessageType {
    /** First header {@code Response:}: the answer to an action. */
    RESPONSE,
    /** First header {@code Event:}: an event, including the items of an event list. */
    EVENT,
    /** First header {@code Action:}: a request, as a client sends it. */
    ACTION,
    /** Any other first header; kept and reported, never dropped. */
    OTHER;

    static MessageType ofFirstKey(String key) {
        if ("Response".equalsIgnoreCase(key)) {
            return RESPONSE;
        }
        if ("Event".equalsIgnoreCase(key)) {
            return EVENT;
        }
        if ("Action".equalsIgnoreCase(key)) {
            return ACTION;
        }
        return OTHER;
    }
}
