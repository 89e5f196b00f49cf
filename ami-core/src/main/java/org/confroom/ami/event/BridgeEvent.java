package org.confroom.ami.event;

/**
 * Implemented by events that carry the snapshot of a bridge ({@code BridgeUniqueid} ...
 * {@code BridgeVideoSourceMode}); an interface because some of them carry a channel snapshot too.
 * A conference is a bridge with BridgeCreator {@code ConfBridge} and BridgeName = the conference.
 */
public interface BridgeEvent {
    /** @return the value of a header, or the empty string; implemented by {@link AmiEvent#text} */
    String text(String key);

    /** @return the bridge's unique id, a UUID */
    default String bridgeUniqueid() {
        return text("BridgeUniqueid");
    }

    /** @return the bridge type, for example {@code base} */
    default String bridgeType() {
        return text("BridgeType");
    }

    /** @return the mixing technology, for example {@code softmix} or {@code simple_bridge} */
    default String bridgeTechnology() {
        return text("BridgeTechnology");
    }

    /** @return who made the bridge, for example {@code ConfBridge} */
    default String bridgeCreator() {
        return text("BridgeCreator");
    }

    /** @return the bridge name; for a conference, the conference name */
    default String bridgeName() {
        return text("BridgeName");
    }

    /**
     * @return the number of channels, hidden announcer and recorder channels included; -1 when absent
     */
    default int bridgeNumChannels() {
        try {
            return Integer.parseInt(text("BridgeNumChannels").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @return the video source mode, for example {@code none} */
    default String bridgeVideoSourceMode() {
        return text("BridgeVideoSourceMode");
    }
}
