package org.confroom.ami.event;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MessageType;

/**
 * Turns event messages into typed events. Every event name without a typed class becomes a plain
 * {@link AmiEvent}: nothing is dropped and nothing is invented.
 */
public final class AmiEvents {
    private static final Map<String, Function<AmiMessage, AmiEvent>> TYPES = new HashMap<>();

    static {
        register("ConfbridgeStart", ConfbridgeStartEvent::new);
        register("ConfbridgeEnd", ConfbridgeEndEvent::new);
        register("ConfbridgeJoin", ConfbridgeJoinEvent::new);
        register("ConfbridgeLeave", ConfbridgeLeaveEvent::new);
        register("ConfbridgeMute", ConfbridgeMuteEvent::new);
        register("ConfbridgeUnmute", ConfbridgeUnmuteEvent::new);
        register("ConfbridgeTalking", ConfbridgeTalkingEvent::new);
        register("ConfbridgeRecord", ConfbridgeRecordEvent::new);
        register("ConfbridgeStopRecord", ConfbridgeStopRecordEvent::new);
        register("OriginateResponse", OriginateResponseEvent::new);
        register("Newchannel", NewchannelEvent::new);
        register("Newstate", NewstateEvent::new);
        register("Hangup", HangupEvent::new);
        register("HangupRequest", HangupRequestEvent::new);
        register("SoftHangupRequest", SoftHangupRequestEvent::new);
        register("NewCallerid", NewCalleridEvent::new);
        register("NewConnectedLine", NewConnectedLineEvent::new);
        register("Newexten", NewextenEvent::new);
        register("VarSet", VarSetEvent::new);
        register("LocalBridge", LocalBridgeEvent::new);
        register("DialBegin", DialBeginEvent::new);
        register("DialState", DialStateEvent::new);
        register("DialEnd", DialEndEvent::new);
        register("BridgeCreate", BridgeCreateEvent::new);
        register("BridgeDestroy", BridgeDestroyEvent::new);
        register("BridgeEnter", BridgeEnterEvent::new);
        register("BridgeLeave", BridgeLeaveEvent::new);
        register("DTMFBegin", DTMFBeginEvent::new);
        register("DTMFEnd", DTMFEndEvent::new);
        register("FullyBooted", FullyBootedEvent::new);
        register("Shutdown", ShutdownEvent::new);
        register("Reload", ReloadEvent::new);
        register("SuccessfulAuth", SuccessfulAuthEvent::new);
        register("UserEvent", UserEventEvent::new);
        // event-list items and completions
        register("ConfbridgeList", ConfbridgeListEvent::new);
        register("ConfbridgeListRooms", ConfbridgeListRoomsEvent::new);
        register("CoreShowChannel", CoreShowChannelEvent::new);
        register("BridgeListItem", BridgeListItemEvent::new);
        register("ChannelHungup", ChannelHungupEvent::new);
        for (String complete : new String[] {"ConfbridgeListComplete", "ConfbridgeListRoomsComplete",
                "CoreShowChannelsComplete", "BridgeListComplete", "ChannelsHungupListComplete"}) {
            register(complete, EventListCompleteEvent::new);
        }
    }

    private AmiEvents() {
    }

    private static void register(String name, Function<AmiMessage, AmiEvent> factory) {
        TYPES.put(name.toLowerCase(Locale.ROOT), factory);
    }

    /**
     * @param message a message of type EVENT
     * @return the typed event for its name, or a plain {@link AmiEvent}
     * @throws IllegalArgumentException when the message is not an event
     */
    public static AmiEvent of(AmiMessage message) {
        if (message.type() != MessageType.EVENT) {
            throw new IllegalArgumentException("not an event: " + message.type() + " " + message.name());
        }
        Function<AmiMessage, AmiEvent> factory = TYPES.get(message.name().toLowerCase(Locale.ROOT));
        return factory == null ? new AmiEvent(message) : factory.apply(message);
    }

    /** @return the lower-cased names of the events that have a typed class */
    public static Set<String> typedNames() {
        return Set.copyOf(TYPES.keySet());
    }
}
