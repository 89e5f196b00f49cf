package org.confroom.ami.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.OriginateResponseEvent;

/**
 * One action waiting for its answer. Whoever removes it from {@link InFlightActions} completes it,
 * so a response, a timeout and a lost connection can race without completing it twice.
 */
final class PendingAction {
    /** How far the answer has come. */
    enum Stage { AWAITING_RESPONSE, COLLECTING_LIST, AWAITING_ORIGINATE_RESPONSE }

    final String actionId;
    final String actionName;
    final long deadlineNanos;
    final long timeoutMillis;
    final CompletableFuture<AmiResponse> response = new CompletableFuture<>();
    /** Set for {@link AmiClient#originate}: completed by the OriginateResponse event with this ActionID. */
    final CompletableFuture<OriginateResponseEvent> originateResponse;
    /**
     * Who has the action: still queued, taken by the writer (its bytes may be on the wire), or given up
     * by a sender that found the connection closed (the writer then skips it). One compare-and-set
     * decides, so an action is either "not sent" (safe to send again) or "outcome unknown", never both.
     */
    private final java.util.concurrent.atomic.AtomicInteger wire = new java.util.concurrent.atomic.AtomicInteger(QUEUED);
    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    // touched only by the reader thread until the action is removed from the in-flight map
    Stage stage = Stage.AWAITING_RESPONSE;
    AmiMessage listResponse;
    List<AmiEvent> items;

    PendingAction(String actionId, String actionName, long timeoutMillis, boolean awaitOriginateResponse) {
        this.actionId = actionId;
        this.actionName = actionName;
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        this.originateResponse = awaitOriginateResponse ? new CompletableFuture<>() : null;
    }

    /** The writer's claim: @return true when the bytes may be written, false when a sender gave the action up. */
    boolean takeForWriting() {
        return wire.compareAndSet(QUEUED, TAKEN) || wire.get() == TAKEN;
    }

    /** A sender or a dying connection gives up an unwritten action: @return true when it was never taken by the writer */
    boolean abandon() {
        return wire.compareAndSet(QUEUED, ABANDONED) || wire.get() == ABANDONED;
    }

    void startList(AmiMessage responseMessage) {
        stage = Stage.COLLECTING_LIST;
        listResponse = responseMessage;
        items = new ArrayList<>();
    }

    void fail(Throwable cause) {
        response.completeExceptionally(cause);
        if (originateResponse != null) {
            originateResponse.completeExceptionally(cause);
        }
    }
}
