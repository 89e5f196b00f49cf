package org.confroom.ami.event;

import java.util.Objects;
import java.util.Optional;

import org.confroom.ami.codec.AmiMessage;

/**
 * An AMI event with all of its headers. Events without a typed class are delivered as plain
 * {@code AmiEvent}s; typed subclasses (see {@link AmiEvents}) add accessors but keep the full
 * message, so no header is ever lost.
 */
public class AmiEvent {
    private final AmiMessage message;

    /**
     * @param message a message of type EVENT
     */
    public AmiEvent(AmiMessage message) {
        this.message = Objects.requireNonNull(message, "message");
    }

    /** @return the event name, for example {@code ConfbridgeJoin} */
    public final String name() {
        return message.name();
    }

    /** @return the whole message, every header in wire order */
    public final AmiMessage message() {
        return message;
    }

    /** @return the value of a header, or the empty string when absent */
    public final String text(String key) {
        return message.text(key);
    }

    /** @return the value of a header, if present */
    public final Optional<String> get(String key) {
        return message.get(key);
    }

    /** @return the {@code Privilege} header (event classes), empty for event-list items */
    public final String privilege() {
        return message.text("Privilege");
    }

    /** @return the {@code ActionID}, present on event-list items and OriginateResponse */
    public final Optional<String> actionId() {
        return message.actionId();
    }

    /** @return an integer header, or {@code fallback} when absent or not a number */
    protected final int intValue(String key, int fallback) {
        String v = message.getOr(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** @return true for the values Asterisk uses for yes: {@code Yes}, {@code true}, {@code 1}, {@code on} */
    protected final boolean flag(String key) {
        String v = message.getOr(key, "");
        return v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("on");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + message.toString().replace('\n', ';') + "]";
    }
}
