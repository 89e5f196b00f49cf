package org.confroom.ami.sim;

import org.confroom.ami.codec.AmiMessage;

/** Writes the standard channel and bridge header blocks of Asterisk 22 events, in their wire order. */
final class Snapshots {
    private Snapshots() {
    }

    /** @return a builder starting with {@code Event} and {@code Privilege} */
    static AmiMessage.Builder event(String name, EventClass eventClass) {
        return AmiMessage.builder().add("Event", name).add("Privilege", eventClass.privilege());
    }

    /** Appends Channel ... Linkedid, every key prefixed (e.g. {@code Dest}, {@code LocalOne}). */
    static AmiMessage.Builder channel(AmiMessage.Builder b, String prefix, Channel c) {
        return b.add(prefix + "Channel", c.name)
                .add(prefix + "ChannelState", Integer.toString(c.state.code))
                .add(prefix + "ChannelStateDesc", c.state.desc)
                .add(prefix + "CallerIDNum", c.callerNum)
                .add(prefix + "CallerIDName", c.callerName)
                .add(prefix + "ConnectedLineNum", c.connectedNum)
                .add(prefix + "ConnectedLineName", c.connectedName)
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", c.accountCode)
                .add(prefix + "Context", c.context)
                .add(prefix + "Exten", c.exten)
                .add(prefix + "Priority", Integer.toString(c.priority))
                .add(prefix + "Uniqueid", c.uniqueid)
                .add(prefix + "Linkedid", c.linkedid);
    }

    /** Appends BridgeUniqueid ... BridgeVideoSourceMode. */
    static AmiMessage.Builder bridge(AmiMessage.Builder b, Bridge bridge) {
        return b.add("BridgeUniqueid", bridge.uniqueid)
                .add("BridgeType", bridge.kind.type)
                .add("BridgeTechnology", bridge.kind.technology)
                .add("BridgeCreator", bridge.creator)
                .add("BridgeName", bridge.name)
                .add("BridgeNumChannels", Integer.toString(bridge.numChannels()))
                .add("BridgeVideoSourceMode", "none");
    }

    /** @return a channel event: Event, Privilege and the channel block */
    static AmiMessage.Builder channelEvent(String name, EventClass eventClass, Channel c) {
        return channel(event(name, eventClass), "", c);
    }

    /** @return a bridge event: Event, Privilege and the bridge block */
    static AmiMessage.Builder bridgeEvent(String name, Bridge bridge) {
        return bridge(event(name, EventClass.CALL), bridge);
    }

    /** @return a ConfBridge event: Event, Privilege, Conference and the bridge block */
    static AmiMessage.Builder conferenceEvent(String name, ConferenceRoom room) {
        return bridge(event(name, EventClass.CALL).add("Conference", room.name), room.bridge);
    }
}
