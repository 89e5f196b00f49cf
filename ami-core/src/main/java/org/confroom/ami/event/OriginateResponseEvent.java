package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * {@code OriginateResponse}: the outcome of an asynchronous Originate, matched to it by ActionID.
 * It carries a {@code Response:} header but is an event (classified by its first line).
 */
public final class OriginateResponseEvent extends AmiEvent {
    /** Reason 0: no such extension, context or technology. */
    public static final int REASON_NO_ROUTE = 0;
    /** Reason 3: rang without answer until the timeout. */
    public static final int REASON_NO_ANSWER = 3;
    /** Reason 4: answered. */
    public static final int REASON_ANSWERED = 4;
    /** Reason 5: busy. */
    public static final int REASON_BUSY = 5;
    /** Reason 8: congestion. */
    public static final int REASON_CONGESTION = 8;

    /** @param message the event message */
    public OriginateResponseEvent(AmiMessage message) {
        super(message);
    }

    /** @return true for {@code Response: Success} */
    public boolean isSuccess() {
        return text("Response").equalsIgnoreCase("Success");
    }

    /** @return the {@code Reason} code, -1 when absent */
    public int reason() {
        return intValue("Reason", -1);
    }

    /** @return a short English description of the reason code */
    public String reasonText() {
        switch (reason()) {
            case REASON_NO_ROUTE: return "no route (no such context, extension or technology)";
            case 1: return "hung up";
            case 2: return "ringing";
            case REASON_NO_ANSWER: return "no answer";
            case REASON_ANSWERED: return "answered";
            case REASON_BUSY: return "busy";
            case REASON_CONGESTION: return "congestion";
            default: return "reason " + text("Reason");
        }
    }

    /** @return the new channel's name, or the dial string when the call failed */
    public String channel() {
        return text("Channel");
    }

    /** @return the Uniqueid: the ChannelId when one was set, {@code <unknown>} on failure without one */
    public String uniqueid() {
        return text("Uniqueid");
    }

    /** @return the target context, empty for an application target */
    public String context() {
        return text("Context");
    }

    /** @return the target extension, empty for an application target */
    public String exten() {
        return text("Exten");
    }

    /** @return the target application, empty for a dialplan target */
    public String application() {
        return text("Application");
    }

    /** @return the application arguments, empty for a dialplan target */
    public String data() {
        return text("Data");
    }

    /** @return the caller id number the call was placed with, {@code <unknown>} when unset */
    public String callerIdNum() {
        return text("CallerIDNum");
    }

    /** @return the caller id name as sent, not C-escaped: it may hold a raw CR (transcript 17) */
    public String callerIdName() {
        return text("CallerIDName");
    }
}
