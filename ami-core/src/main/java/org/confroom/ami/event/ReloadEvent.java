package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code Reload}: a module or the whole configuration was reloaded. */
public final class ReloadEvent extends AmiEvent {
    /** @param message the event message */
    public ReloadEvent(AmiMessage message) {
        super(message);
    }

    /** @return the module, {@code All} for a full reload */
    public String module() {
        return text("Module");
    }

    /** @return the result code, 0 for success, -1 when absent */
    public int status() {
        return intValue("Status", -1);
    }
}
