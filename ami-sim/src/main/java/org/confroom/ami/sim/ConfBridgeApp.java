package org.confroom.ami.sim;

import java.util.ArrayList;
import java.util.List;
import org.confroom.ami.codec.AmiMessage;

/**
 * The ConfBridge application: rooms made on first join and ended on last leave, the conf-onlyperson,
 * conf-locked and conf-kicked prompts, mute, recording, and the O(n^2) {@code VarSet BRIDGEPEER} flood.
 */
final class ConfBridgeApp {
    /** Asterisk truncates BRIDGEPEER to this many characters. */
    private static final int BRIDGEPEER_MAX = 255;

    private final Pbx pbx;

    ConfBridgeApp(Pbx pbx) {
        this.pbx = pbx;
    }

    /** The channel runs {@code ConfBridge(room,default_bridge,profile)}. */
    void join(Channel c, String roomName, UserProfile profile) {
        ConferenceRoom room = pbx.conferences.get(roomName);
        if (room != null && room.locked) {
            // answered, hears conf-locked, hangs up; no Confbridge event at all (08, 26, 23 d)
            pbx.schedule(pbx.timing.lockedPrompt(), () -> {
                if (!c.gone) {
                    pbx.hangups.endPair(c);
                    pbx.hangups.followPartner(c);
                }
            });
            return;
        }
        if (room == null) {
            room = create(roomName);
        }
        ConferenceMember member = new ConferenceMember(c, profile, room);
        room.members.add(member);
        c.member = member;
        ConferenceRoom r = room;
        if (room.arriving != null) {
            room.arriving.add(member);
        } else if (profile.announcesOnlyPerson && room.members.size() == 1) {
            // "alone?" is decided once everything arriving in this same step is in: the two legs of a dual
            // Redirect join together and neither hears conf-onlyperson (10), while a member one step ahead
            // of the others hears all of it (19)
            room.arriving = new java.util.ArrayList<>(List.of(member));
            pbx.scheduleMillis(0, () -> decideArrivals(r));
        } else {
            enterBridge(room, member);
        }
    }

    private void decideArrivals(ConferenceRoom room) {
        List<ConferenceMember> arrived = room.arriving;
        room.arriving = null;
        if (arrived.size() == 1 && room.members.size() == 1) {
            ConferenceMember first = arrived.get(0);
            pbx.schedule(pbx.timing.joinPrompt(), () -> enterBridge(room, first));
            return;
        }
        for (ConferenceMember m : arrived) {
            enterBridge(room, m);
        }
    }

    private ConferenceRoom create(String roomName) {
        String announcer = "CBAnn/" + roomName + "-" + pbx.channels.allocateSequence() + ";2";
        ConferenceRoom room = new ConferenceRoom(roomName, announcer);
        pbx.conferences.put(roomName, room);
        pbx.bridges.add(room.bridge);
        pbx.events.bridge("BridgeCreate", room.bridge);
        room.bridge.hiddenChannels = 1;
        pbx.events.bus().publish(EventClass.CALL, () -> Snapshots.conferenceEvent("ConfbridgeStart", room).build());
        pbx.events.deviceState("confbridge:" + roomName, "INUSE");
        pbx.events.deviceState("CBAnn/" + roomName, "INUSE");
        return room;
    }

    private void enterBridge(ConferenceRoom room, ConferenceMember m) {
        Channel c = m.channel;
        if (c.gone || c.hangupPending || m.kicked || !room.members.contains(m)) {
            return;
        }
        m.inBridge = true;
        c.bridge = room.bridge;
        pbx.originates.settled(c.uniqueid);
        room.bridge.channels.add(c);
        pbx.events.bridgeChannel("BridgeEnter", room.bridge, c);
        if (pbx.bus.wants(EventClass.DIALPLAN)) {
            for (Channel peer : room.bridge.channels) {
                pbx.events.varSet(peer, "BRIDGEPEER", bridgePeer(room, peer));
            }
        }
        pbx.bus.publish(EventClass.CALL, () -> memberEvent("ConfbridgeJoin", room, c)
                .add("Muted", m.muted ? "Yes" : "No").build());
    }

    private static String bridgePeer(ConferenceRoom room, Channel self) {
        StringBuilder sb = new StringBuilder(room.announcerName);
        for (Channel other : room.bridge.channels) {
            if (other != self) {
                sb.append(',').append(other.name);
            }
        }
        return sb.length() > BRIDGEPEER_MAX ? sb.substring(0, BRIDGEPEER_MAX) : sb.toString();
    }

    static AmiMessage.Builder memberEvent(String event, ConferenceRoom room, Channel c) {
        return Snapshots.channel(Snapshots.conferenceEvent(event, room), "", c).add("Admin", "No");
    }

    /**
     * The member leaves at once (hangup or redirect): ConfbridgeLeave, BridgeLeave, and the end of the room
     * when it was the last one listed.
     *
     * @param result the {@code CONFBRIDGE_RESULT} that ConfBridge() sets as it returns ({@code HANGUP} in 19),
     *     or null when a Redirect took the channel away (not recorded with dialplan events, so not emitted)
     * @return the room if it ended; its bridge is destroyed now only if {@code destroyNow}
     */
    ConferenceRoom leaveNow(ConferenceMember m, boolean destroyNow, String result) {
        ConferenceRoom room = roomOf(m);
        leaveBridge(room, m, result);
        room.members.remove(m);
        m.channel.member = null;
        if (room.members.isEmpty()) {
            end(room, destroyNow);
            return room;
        }
        return null;
    }

    /**
     * ConfbridgeLeave and BridgeLeave; with dialplan events the leaver's BRIDGEPEER is cleared and every
     * member still in the bridge gets its new BRIDGEPEER, the O(n^2) flood of the joins again (19: 1,275
     * VarSets for 50 leaves), and ConfBridge() sets CONFBRIDGE_RESULT (19, 28).
     */
    private void leaveBridge(ConferenceRoom room, ConferenceMember m, String result) {
        Channel c = m.channel;
        if (m.inBridge) {
            pbx.bus.publish(EventClass.CALL, memberEvent("ConfbridgeLeave", room, c));
            m.inBridge = false;
            room.bridge.channels.remove(c);
            c.bridge = null;
            pbx.events.bridgeChannel("BridgeLeave", room.bridge, c);
            pbx.events.varSet(c, "BRIDGEPEER", "");
            if (pbx.bus.wants(EventClass.DIALPLAN)) {
                for (Channel peer : room.bridge.channels) {
                    pbx.events.varSet(peer, "BRIDGEPEER", bridgePeer(room, peer));
                }
            }
        }
        if (result != null) {
            pbx.events.varSet(c, "CONFBRIDGE_RESULT", result);
        }
    }

    /** ConfbridgeKick: leaves the bridge now, stays listed while it hears conf-kicked, then hangs up (24, 29). */
    void kick(ConferenceMember m) {
        ConferenceRoom room = roomOf(m);
        m.kicked = true;
        leaveBridge(room, m, "KICKED");
        pbx.schedule(pbx.timing.kickPrompt(), () -> {
            Channel c = m.channel;
            room.members.remove(m);
            c.member = null;
            if (room.members.isEmpty()) {
                end(room, true);
            }
            if (!c.gone) {
                c.hangupCause = 16;
                if (c.context.startsWith("confbridge")) {
                    // ConfBridge() returned: the dialplan goes on to its Hangup() (28)
                    c.priority++;
                    pbx.events.newexten(c, "Hangup", "");
                }
                pbx.hangups.endPair(c);
            }
        });
    }

    private void end(ConferenceRoom room, boolean destroyNow) {
        room.bridge.hiddenChannels = 1;
        pbx.bus.publish(EventClass.CALL, Snapshots.conferenceEvent("ConfbridgeEnd", room));
        pbx.conferences.remove(room.name);
        pbx.events.deviceState("confbridge:" + room.name, "NOT_INUSE");
        if (destroyNow) {
            destroyBridge(room);
        }
    }

    void destroyBridge(ConferenceRoom room) {
        room.bridge.hiddenChannels = 0;
        pbx.events.deviceState("CBAnn/" + room.name, "UNKNOWN");
        pbx.events.bridge("BridgeDestroy", room.bridge);
        pbx.bridges.remove(room.bridge);
    }

    void mute(ConferenceRoom room, List<ConferenceMember> members, boolean mute) {
        for (ConferenceMember m : members) {
            m.muted = mute;
            pbx.bus.publish(EventClass.CALL, memberEvent(mute ? "ConfbridgeMute" : "ConfbridgeUnmute", room, m.channel));
        }
    }

    void startRecord(ConferenceRoom room) {
        room.recording = true;
        room.bridge.hiddenChannels++;
        pbx.bus.publish(EventClass.CALL, Snapshots.conferenceEvent("ConfbridgeRecord", room));
    }

    void stopRecord(ConferenceRoom room) {
        room.recording = false;
        pbx.bus.publish(EventClass.CALL, Snapshots.conferenceEvent("ConfbridgeStopRecord", room));
        room.bridge.hiddenChannels--;
    }

    private static ConferenceRoom roomOf(ConferenceMember m) {
        return m.room;
    }

    /** @return every room, in creation order */
    List<ConferenceRoom> rooms() {
        return new ArrayList<>(pbx.conferences.values());
    }
}
