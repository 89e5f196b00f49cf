package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code Shutdown}: Asterisk stops; the connection closes right after. State on the server is lost. */
public final class ShutdownEvent extends AmiEvent {
    /** @param message the event message */
    public ShutdownEvent(AmiMessage message) {
        super(message);
    }

    /** @return how it stops, {@code Cleanly} or {@code Uncleanly} */
    public String shutdown() {
        return text("Shutdown");
    }

    /** @return true when Asterisk announced a restart */
    public boolean restart() {
        return flag("Restart");
    }
}
