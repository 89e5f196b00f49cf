package org.confroom.ami.sim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.confroom.ami.codec.AmiMessage;

/**
 * Fans events out to every logged-in session whose read rights and event mask accept the event's class.
 * Events nobody can receive are never built, which keeps the O(n^2) VarSet floods free when nobody
 * listens to the dialplan class.
 */
final class EventBus {
    private final List<EventSink> sinks = new CopyOnWriteArrayList<>();

    void register(EventSink sink) {
        sinks.add(sink);
    }

    void unregister(EventSink sink) {
        sinks.remove(sink);
    }

    /** @return true when at least one sink may want events of this class */
    boolean wants(EventClass eventClass) {
        for (EventSink s : sinks) {
            if (s.acceptsClass(eventClass)) {
                return true;
            }
        }
        return false;
    }

    /** Publishes a built event. */
    void publish(EventClass eventClass, AmiMessage event) {
        publish(eventClass, () -> event);
    }

    /** Publishes an event built only if someone may want it. */
    void publish(EventClass eventClass, Supplier<AmiMessage> event) {
        AmiMessage message = null;
        EncodedEvent encoded = null;
        for (EventSink s : sinks) {
            if (!s.acceptsClass(eventClass)) {
                continue;
            }
            if (message == null) {
                message = event.get();
                encoded = new EncodedEvent(message);
            }
            s.deliver(eventClass, message, encoded);
        }
    }

    /** Publishes from a builder, for the common case of events made with {@link Snapshots}. */
    void publish(EventClass eventClass, AmiMessage.Builder builder) {
        publish(eventClass, builder::build);
    }
}
