package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * {@code LocalBridge}: the two halves ({@code ;1} and {@code ;2}) of a Local channel were
 * connected. Only the names and ids of the halves are exposed; every header stays in {@link #message()}.
 */
public final class LocalBridgeEvent extends AmiEvent {
    /** @param message the event message */
    public LocalBridgeEvent(AmiMessage message) {
        super(message);
    }

    /** @return the {@code ;1} half */
    public String localOneChannel() {
        return text("LocalOneChannel");
    }

    /** @return the unique id of the {@code ;1} half */
    public String localOneUniqueid() {
        return text("LocalOneUniqueid");
    }

    /** @return the {@code ;2} half */
    public String localTwoChannel() {
        return text("LocalTwoChannel");
    }

    /** @return the unique id of the {@code ;2} half */
    public String localTwoUniqueid() {
        return text("LocalTwoUniqueid");
    }

    /** @return the context the Local channel dials into */
    public String context() {
        return text("Context");
    }

    /** @return the extension the Local channel dials */
    public String exten() {
        return text("Exten");
    }

    /** @return true when Asterisk may optimize the Local channel away */
    public boolean localOptimization() {
        return flag("LocalOptimization");
    }
}
