package org.confroom.ami.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.confroom.ami.event.OriginateResponseEvent;

/**
 * Asynchronous Originates waiting for their {@code OriginateResponse}, by ActionID. Registered
 * before the request is sent, because the event may come through the poller before the HTTP
 * answer to the Originate itself.
 */
final class PendingOriginates {
    private final Map<String, CompletableFuture<OriginateResponseEvent>> byActionId = new ConcurrentHashMap<>();

    /** @return the future that {@link #complete} will finish for this ActionID */
    CompletableFuture<OriginateResponseEvent> register(String actionId) {
        CompletableFuture<OriginateResponseEvent> f = new CompletableFuture<>();
        byActionId.put(actionId, f);
        // whoever finishes it (event, error, timeout), it is no longer pending
        f.whenComplete((r, e) -> byActionId.remove(actionId, f));
        return f;
    }

    /**
     * Completes the Originate this event answers.
     *
     * @return true when an Originate of this client was waiting for it
     */
    boolean complete(OriginateResponseEvent event) {
        CompletableFuture<OriginateResponseEvent> f = event.actionId().map(byActionId::get).orElse(null);
        return f != null && f.complete(event);
    }

    /** Fails one pending Originate, if it is still pending. */
    void fail(String actionId, Throwable cause) {
        CompletableFuture<OriginateResponseEvent> f = byActionId.get(actionId);
        if (f != null) {
            f.completeExceptionally(cause);
        }
    }

    /** Fails every pending Originate with the failure made for its ActionID. */
    void failAll(Function<String, Throwable> failure) {
        for (Map.Entry<String, CompletableFuture<OriginateResponseEvent>> e : byActionId.entrySet()) {
            e.getValue().completeExceptionally(failure.apply(e.getKey()));
        }
    }

    /** @return Originates still waiting */
    int size() {
        return byActionId.size();
    }
}
