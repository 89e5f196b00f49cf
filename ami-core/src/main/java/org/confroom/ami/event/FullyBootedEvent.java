package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/**
 * {@code FullyBooted}: sent after login to a booted server, and once more at the end of boot to a
 * session that logged in earlier (transcript 27).
 */
public final class FullyBootedEvent extends AmiEvent {
    /** @param message the event message */
    public FullyBootedEvent(AmiMessage message) {
        super(message);
    }

    /** @return the status text, {@code Fully Booted} */
    public String status() {
        return text("Status");
    }

    /** @return seconds since start, -1 when absent */
    public int uptime() {
        return intValue("Uptime", -1);
    }

    /** @return seconds since the last reload, -1 when absent */
    public int lastReload() {
        return intValue("LastReload", -1);
    }
}
