package org.confroom.ami.sim;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.confroom.ami.codec.AmiMessage;

/**
 * One action being handled on the PBX thread: the request, the session it came from, and the way to answer.
 * The session reads its next action only when this one is {@link #complete() complete}; a handler that
 * answers later (Login failure, PlayDTMF, synchronous Originate) calls {@link #defer()} first.
 */
final class ActionContext {
    final AmiMessage request;
    final ManagerSession session;
    final Pbx pbx;
    private final Consumer<AmiMessage> answer;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private boolean deferred;

    /** An action whose responses go to the session's stream (TCP). */
    ActionContext(AmiMessage request, ManagerSession session, Pbx pbx) {
        this(request, session, pbx, session::send);
    }

    /**
     * @param answer where the responses and list items go: over HTTP the body of this request's answer,
     *     while events wait in the session for waitevent
     */
    ActionContext(AmiMessage request, ManagerSession session, Pbx pbx, Consumer<AmiMessage> answer) {
        this.request = request;
        this.session = session;
        this.pbx = pbx;
        this.answer = answer;
    }

    /** @return the first value of the header, trimmed, or the empty string */
    String header(String key) {
        return request.text(key).trim();
    }

    /** @return a response builder: {@code Response: <status>} and the request's ActionID, if any */
    AmiMessage.Builder response(String status) {
        AmiMessage.Builder b = AmiMessage.builder().add("Response", status);
        request.actionId().ifPresent(id -> b.add("ActionID", id));
        return b;
    }

    /** Answers {@code Response: Success} with a Message. */
    void success(String message) {
        reply(response("Success").add("Message", message).build());
    }

    /** Answers {@code Response: Error} with a Message. */
    void error(String message) {
        reply(response("Error").add("Message", message).build());
    }

    /** Sends the response (or a list item, or an event that belongs to the answer) to the client. */
    void reply(AmiMessage message) {
        answer.accept(message);
    }

    /** Starts an event list: {@code Response: Success}, {@code EventList: start}, the Message. */
    void listStart(String message) {
        reply(response("Success").add("EventList", "start").add("Message", message).build());
    }

    /** @return a list item builder: the event name and the request's ActionID */
    AmiMessage.Builder listItem(String event) {
        AmiMessage.Builder b = AmiMessage.builder().add("Event", event);
        request.actionId().ifPresent(id -> b.add("ActionID", id));
        return b;
    }

    /** Ends an event list with its Complete event. */
    void listComplete(String event, int items) {
        reply(listItem(event).add("EventList", "Complete").add("ListItems", Integer.toString(items)).build());
    }

    /** The answer will come later; the session waits for {@link #complete()}. */
    void defer() {
        deferred = true;
    }

    boolean deferred() {
        return deferred;
    }

    void complete() {
        done.complete(null);
    }

    CompletableFuture<Void> done() {
        return done;
    }
}
