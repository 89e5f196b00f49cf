package org.confroom.ami.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.AmiTimeoutException;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.OriginateResponseEvent;

/**
 * ActionID to pending action. Responses and event-list items reach it from the reader thread; it
 * never sees unsolicited events. An event list completes on the event whose {@code EventList} header
 * says {@code Complete}.
 */
final class InFlightActions {
    private final Map<String, PendingAction> pending = new ConcurrentHashMap<>();

    void add(PendingAction p) {
        pending.put(p.actionId, p);
    }

    int size() {
        return pending.size();
    }

    /** Removes and fails an action if it is still pending; @return true when this call failed it. */
    boolean fail(PendingAction p, Throwable cause) {
        if (pending.remove(p.actionId, p)) {
            p.fail(cause);
            return true;
        }
        return false;
    }

    /**
     * Routes a response.
     *
     * @return false when no action waits for it
     */
    boolean onResponse(AmiMessage response) {
        String id = response.getOr("ActionID", null);
        PendingAction p = id == null ? null : pending.get(id);
        if (p == null || p.stage != PendingAction.Stage.AWAITING_RESPONSE) {
            return false;
        }
        if (response.name().equalsIgnoreCase("Error")) {
            if (pending.remove(id, p)) {
                p.fail(new AmiErrorResponseException(p.actionName, response));
            }
        } else if (response.getOr("EventList", "").equalsIgnoreCase("start")) {
            p.startList(response);
        } else if (p.originateResponse != null) {
            p.stage = PendingAction.Stage.AWAITING_ORIGINATE_RESPONSE;
            p.response.complete(new AmiResponse(response, List.of(), null));
        } else if (pending.remove(id, p)) {
            p.response.complete(new AmiResponse(response, List.of(), null));
        }
        return true;
    }

    /**
     * Offers an event that carries an ActionID: an event-list item or completion, or the
     * OriginateResponse of an {@link AmiClient#originate}.
     *
     * @param typed turns the message into a typed event
     * @return true when the event belongs to an event list and must not go to listeners
     */
    boolean onEventWithActionId(AmiMessage event, String actionId, Function<AmiMessage, AmiEvent> typed) {
        PendingAction p = pending.get(actionId);
        if (p == null) {
            return false;
        }
        if (p.stage == PendingAction.Stage.COLLECTING_LIST) {
            AmiEvent e = typed.apply(event);
            if (event.getOr("EventList", "").equalsIgnoreCase("Complete")) {
                if (pending.remove(actionId, p)) {
                    p.response.complete(new AmiResponse(p.listResponse, p.items, e));
                }
            } else {
                p.items.add(e);
            }
            return true;
        }
        if (p.originateResponse != null && event.isEvent("OriginateResponse")) {
            if (pending.remove(actionId, p)) {
                if (p.stage == PendingAction.Stage.AWAITING_RESPONSE) {
                    // the event overtook the response: the action was evidently accepted
                    p.response.complete(new AmiResponse(AmiMessage.of("Response", "Success", "ActionID", actionId), List.of(), null));
                }
                p.originateResponse.complete((OriginateResponseEvent) typed.apply(event));
            }
        }
        return false;
    }

    /** Fails every action whose deadline has passed. @return how many timed out */
    int expire(long nowNanos) {
        int n = 0;
        for (PendingAction p : pending.values()) {
            if (nowNanos - p.deadlineNanos >= 0
                    && fail(p, new AmiTimeoutException(p.actionName, p.actionId, Duration.ofMillis(p.timeoutMillis)))) {
                n++;
            }
        }
        return n;
    }

    /**
     * Fails everything: written actions with "outcome unknown", the others with "not connected".
     *
     * @return how many had been written
     */
    int failAll(Throwable cause, String notSentReason) {
        int unknown = 0;
        for (PendingAction p : pending.values()) {
            boolean written = !p.abandon();
            Throwable t = written ? new AmiOutcomeUnknownException(p.actionName, p.actionId, cause)
                    : new AmiNotConnectedException(p.actionName + " not sent: " + notSentReason);
            if (fail(p, t) && written) {
                unknown++;
            }
        }
        return unknown;
    }
}
