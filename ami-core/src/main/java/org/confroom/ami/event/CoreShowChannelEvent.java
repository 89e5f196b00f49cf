package org.confroom.ami.event;

import org.confroom.ami.codec.AmiMessage;

/** An item of the {@code CoreShowChannels} event list: one channel and what it runs. */
public final class CoreShowChannelEvent extends ChannelEvent {
    /** @param message the event message */
    public CoreShowChannelEvent(AmiMessage message) {
        super(message);
    }

    /** @return the running application, for example {@code Dial} */
    public String application() {
        return text("Application");
    }

    /** @return the application arguments */
    public String applicationData() {
        return text("ApplicationData");
    }

    /** @return how long the channel exists, as {@code HH:MM:SS} */
    public String duration() {
        return text("Duration");
    }

    /** @return the unique id of the bridge the channel is in, empty when none */
    public String bridgeId() {
        return text("BridgeId");
    }
}
