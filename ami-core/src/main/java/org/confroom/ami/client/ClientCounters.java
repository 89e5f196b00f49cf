package org.confroom.ami.client;

import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.AmiTimeoutException;

/** The counters behind {@link ClientStats}, shared by the TCP and HTTP transports. Thread-safe. */
public final class ClientCounters {
    private final AtomicLong actionsSent = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong outcomeUnknown = new AtomicLong();
    private final AtomicLong eventsReceived = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();

    /** An action was handed to the wire. */
    public void actionSent() {
        actionsSent.incrementAndGet();
    }

    /** An action was answered (success or error response). */
    public void response() {
        responses.incrementAndGet();
    }

    /** An action timed out. */
    public void timeout() {
        timeouts.incrementAndGet();
    }

    /** An action's outcome became unknown (connection lost after sending). */
    public void outcomeUnknown() {
        outcomeUnknown.incrementAndGet();
    }

    /** An unsolicited event was read. */
    public void eventReceived() {
        eventsReceived.incrementAndGet();
    }

    /** @param n malformed frames skipped */
    public void malformed(long n) {
        malformed.addAndGet(n);
    }

    /** A login succeeded (first connect or reconnect). */
    public void connected() {
        connects.incrementAndGet();
    }

    /**
     * Counts how an action ended, from its future's outcome.
     *
     * @param failure null for success, else the failure (a {@link CompletionException} is unwrapped)
     */
    public void completion(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t == null || t instanceof AmiErrorResponseException) {
            response();
        } else if (t instanceof AmiTimeoutException) {
            timeout();
        } else if (t instanceof AmiOutcomeUnknownException) {
            outcomeUnknown();
        }
    }

    /** @return the counters with the dispatcher's delivery figures */
    public ClientStats snapshot(EventDispatcher dispatcher) {
        return new ClientStats(actionsSent.get(), responses.get(), timeouts.get(), outcomeUnknown.get(),
                eventsReceived.get(), dispatcher.deliveredCount(), dispatcher.lostCount(), dispatcher.depth(),
                malformed.get(), connects.get());
    }
}
