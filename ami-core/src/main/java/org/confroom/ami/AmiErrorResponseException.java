package org.confroom.ami;

import org.confroom.ami.codec.AmiMessage;

/**
 * Asterisk answered an action with {@code Response: Error}. The message is Asterisk's own
 * ({@code Message:} header), for example {@code No active conferences.}; the action was processed
 * and refused, so its outcome is known.
 */
public final class AmiErrorResponseException extends AmiException {
    private static final long serialVersionUID = 1L;

    private final transient AmiMessage response;
    private final String action;

    /**
     * @param action the action name
     * @param response the error response
     */
    public AmiErrorResponseException(String action, AmiMessage response) {
        super(action + " refused by Asterisk: " + response.getOr("Message", response.name()));
        this.action = action;
        this.response = response;
    }

    /** @return the action name */
    public String action() {
        return action;
    }

    /** @return Asterisk's {@code Message:} text, or the response status when it has none */
    public String asteriskMessage() {
        return response.getOr("Message", response.name());
    }

    /** @return the whole error response */
    public AmiMessage response() {
        return response;
    }
}
