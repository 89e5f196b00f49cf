package org.confroom.ami.action;

/**
 * An AMI request. The client writes {@code Action: <name>} and its own {@code ActionID}, then the
 * headers this action writes. Implementations are immutable values; the encoder validates every
 * header, so an action built from user input cannot inject headers or actions.
 */
public interface AmiAction {
    /** @return the action name as Asterisk knows it, for example {@code Originate} */
    String name();

    /**
     * Writes this action's headers (not {@code Action} and not {@code ActionID}) in wire order.
     *
     * @param out where to write them
     */
    void writeHeaders(HeaderWriter out);
}
