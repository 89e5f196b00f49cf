package org.confroom.ami.http;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiFrame;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.DecoderLimits;
import org.confroom.ami.codec.MalformedMessage;
import org.confroom.ami.codec.MessageType;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.AmiEvents;

/**
 * One decoded {@code /rawman} HTTP answer: the status, the {@code mansession_id} the server set,
 * and the AMI messages of the body. The body of an action holds its response and, for an event-list
 * action, the list items and the {@code EventList: Complete} event; the body of {@code WaitEvent}
 * holds its response, the queued events and {@code Event: WaitEventComplete} (transcripts 14, 28).
 *
 * @param httpStatus the HTTP status code
 * @param sessionId the {@code mansession_id} of the {@code Set-Cookie} header, if any
 * @param response the first message of the body when it is a {@code Response:}
 * @param following every other well-formed message, in order
 * @param malformed blocks the decoder could not read
 */
record RawmanReply(int httpStatus, Optional<String> sessionId, Optional<AmiMessage> response,
                   List<AmiMessage> following, List<MalformedMessage> malformed) {
    private static final System.Logger LOG = System.getLogger(RawmanReply.class.getName());

    /** Copies the lists. */
    RawmanReply {
        following = List.copyOf(following);
        malformed = List.copyOf(malformed);
    }

    /**
     * Decodes a body.
     *
     * @param httpStatus the HTTP status
     * @param sessionId the session id of the {@code Set-Cookie} header
     * @param body the body bytes
     * @param limits decoder bounds
     * @return the reply
     */
    static RawmanReply decode(int httpStatus, Optional<String> sessionId, byte[] body, DecoderLimits limits) {
        AmiMessage response = null;
        List<AmiMessage> following = new ArrayList<>();
        List<MalformedMessage> malformed = new ArrayList<>();
        for (AmiFrame frame : new AmiDecoder(limits, false).decodeAll(body)) {
            if (frame instanceof AmiMessage m) {
                if (response == null && following.isEmpty() && m.type() == MessageType.RESPONSE) {
                    response = m;
                } else {
                    following.add(m);
                }
            } else if (frame instanceof MalformedMessage mm) {
                malformed.add(mm);
            }
        }
        return new RawmanReply(httpStatus, sessionId, Optional.ofNullable(response), following, malformed);
    }

    /** @return true when the body starts with {@code Response: Error} */
    boolean isError() {
        return response.map(r -> r.name().equalsIgnoreCase("Error")).orElse(false);
    }

    /**
     * Tells a dead session from a missing privilege: both answer {@code Permission denied}, but
     * when the session is gone Asterisk creates a new one and sets a different cookie (end of
     * transcript 14); a refused privilege keeps the cookie.
     *
     * @param currentSessionId the session id the request was sent with
     * @return true when Asterisk no longer knows the session
     */
    boolean sessionLost(String currentSessionId) {
        return isError()
                && response.get().text("Message").equalsIgnoreCase("Permission denied")
                && sessionId.isPresent() && !sessionId.get().equals(currentSessionId);
    }

    /**
     * Assembles the answer to an action: the response plus, after {@code EventList: start}, the
     * events with this ActionID up to the one with {@code EventList: Complete}.
     *
     * @param actionId the ActionID the action was sent with
     * @return the response
     */
    AmiResponse toResponse(String actionId) {
        AmiMessage head = response.orElseThrow();
        if (!head.text("EventList").equalsIgnoreCase("start")) {
            logExtra(following, actionId);
            return new AmiResponse(head, List.of(), null);
        }
        List<AmiEvent> items = new ArrayList<>();
        for (int i = 0; i < following.size(); i++) {
            AmiMessage m = following.get(i);
            if (m.type() != MessageType.EVENT || !m.actionId().map(actionId::equals).orElse(true)) {
                LOG.log(Level.WARNING, "ignoring a message in the HTTP answer to ActionID " + actionId + ": " + m.name());
                continue;
            }
            if (m.text("EventList").equalsIgnoreCase("Complete")) {
                logExtra(following.subList(i + 1, following.size()), actionId);
                return new AmiResponse(head, items, AmiEvents.of(m));
            }
            items.add(AmiEvents.of(m));
        }
        LOG.log(Level.WARNING, "event list of ActionID " + actionId + " ended without EventList: Complete after "
                + items.size() + " items");
        return new AmiResponse(head, items, null);
    }

    private static void logExtra(List<AmiMessage> extra, String actionId) {
        if (!extra.isEmpty()) {
            LOG.log(Level.WARNING, extra.size() + " unexpected message(s) after the response to ActionID " + actionId
                    + ", first: " + extra.get(0).name());
        }
    }
}
