package org.confroom.ami;

/**
 * The connection was lost after the action was written and before its response arrived. Asterisk
 * may have carried it out. The library never re-sends such an action; the caller must reconcile
 * (for an Originate: look for its ChannelId in {@code CoreShowChannels}).
 */
public final class AmiOutcomeUnknownException extends AmiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param action the action name
     * @param actionId its ActionID
     * @param cause why the connection was lost
     */
    public AmiOutcomeUnknownException(String action, String actionId, Throwable cause) {
        super(action + " (ActionID " + actionId + ") was sent but the connection was lost before its response"
                + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
                + "; outcome unknown, not re-sent", cause);
    }
}
