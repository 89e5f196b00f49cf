package org.confroom.ami.event;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MessageType;

/**
 * Turns event messages into typed events. Every event name without a typed class becomes a plain
 * {@link AmiEvent}: nothing is dropped and nothing is invented.
 */
public final class AmiEvents {
    private static final Map<String, Function<AmiMessage, AmiEvent>> TYPES = new HashMap<>();

    static {
        register("ConfbridgeJoin", ConfbridgeJoinEvent::new);
        register("OriginateResponse", OriginateResponseEvent::new);
    }

    private AmiEvents() {
    }

    private static void register(String name, Function<AmiMessage, AmiEvent> factory) {
        TYPES.put(name.toLowerCase(Locale.ROOT), factory);
    }

    /**
     * @param message a message of type EVENT
     * @return the typed event for its name, or a plain {@link AmiEvent}
     * @throws IllegalArgumentException when the message is not an event
     */
    public static AmiEvent of(AmiMessage message) {
        if (message.type() != MessageType.EVENT) {
            throw new IllegalArgumentException("not an event: " + message.type() + " " + message.name());
        }
        Function<AmiMessage, AmiEvent> factory = TYPES.get(message.name().toLowerCase(Locale.ROOT));
        return factory == null ? new AmiEvent(message) : factory.apply(message);
    }

    /** @return the lower-cased names of the events that have a typed class */
    public static Set<String> typedNames() {
        return Set.copyOf(TYPES.keySet());
    }
}
