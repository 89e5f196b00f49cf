package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** {@code Newexten}: a channel runs a dialplan step (class {@code dialplan}). */
public final class NewextenEvent extends ChannelEvent {
    /** @param message the event message */
    public NewextenEvent(AmiMessage message) {
        super(message);
    }

    /** @return the extension of the step */
    public String extension() {
        return text("Extension");
    }

    /** @return the application, for example {@code ConfBridge} */
    public String application() {
        return text("Application");
    }

    /** @return the application arguments */
    public String appData() {
        return text("AppData");
    }
}
