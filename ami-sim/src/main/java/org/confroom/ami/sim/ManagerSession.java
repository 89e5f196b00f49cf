package org.confroom.ami.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.confroom.ami.codec.AmiEncoder;
import org.confroom.ami.codec.AmiMessage;

/**
 * What an AMI session knows, whatever its transport: the logged-in user, the event mask, the event filters
 * and the pending MD5 challenge. Decides which broadcast events reach the client.
 */
abstract class ManagerSession implements EventSink {
    /** One {@code Filter} of the session: a regular expression over the event text, include or exclude. */
    private record EventFilter(Pattern pattern, boolean include) {
    }

    private volatile ManagerUser user;
    private volatile Permissions eventMask = Permissions.ALL;
    private final List<EventFilter> filters = new ArrayList<>();
    private String challenge;

    /** Queues bytes for the client, in order. */
    abstract void write(byte[] bytes);

    /** Queues an event for the client; over TCP the same stream as responses. */
    void writeEvent(byte[] bytes) {
        write(bytes);
    }

    /** Closes the session once everything queued so far has been written. */
    abstract void closeAfterFlush();

    /** @return {@code IPV4/TCP/127.0.0.1/<port>} of the server side */
    abstract String localAddress();

    /** @return {@code IPV4/TCP/127.0.0.1/<port>} of the client side */
    abstract String remoteAddress();

    /** Sends a response or an event-list item: never masked, never filtered. */
    void send(AmiMessage message) {
        write(AmiEncoder.encode(message));
    }

    Optional<ManagerUser> user() {
        return Optional.ofNullable(user);
    }

    boolean authenticated() {
        return user != null;
    }

    void login(ManagerUser u) {
        this.user = u;
    }

    void eventMask(Permissions mask) {
        this.eventMask = mask;
    }

    String challenge() {
        return challenge;
    }

    void challenge(String c) {
        this.challenge = c;
    }

    synchronized void addFilter(Pattern pattern, boolean include) {
        filters.add(new EventFilter(pattern, include));
    }

    /**
     * @return true when events of this class are sent to this session right now: Login then appends
     *     FullyBooted to its answer (01)
     */
    boolean sendsEvents(EventClass eventClass) {
        return acceptsClass(eventClass);
    }

    @Override
    public boolean acceptsClass(EventClass eventClass) {
        ManagerUser u = user;
        return u != null && u.read().contains(eventClass) && eventMask.contains(eventClass);
    }

    @Override
    public void deliver(EventClass eventClass, AmiMessage event, EncodedEvent encoded) {
        if (passesFilters(encoded)) {
            writeEvent(encoded.bytes());
        }
    }

    /** Include filters: at least one must match; exclude filters ({@code !regex}): none may match (29). */
    private synchronized boolean passesFilters(EncodedEvent e) {
        if (filters.isEmpty()) {
            return true;
        }
        boolean anyInclude = false;
        boolean included = false;
        for (EventFilter f : filters) {
            boolean hit = f.pattern().matcher(e.text()).find();
            if (f.include()) {
                anyInclude = true;
                included |= hit;
            } else if (hit) {
                return false;
            }
        }
        return !anyInclude || included;
    }
}
