package org.confroom.conference.merge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confroom.ami.event.BridgeEvent;
import org.confroom.ami.event.BridgeListItemEvent;
import org.confroom.ami.event.ChannelEvent;
import org.confroom.ami.event.CoreShowChannelEvent;
import org.confroom.conference.live.LiveMember;

/**
 * Bridges and the channels in them, from {@code BridgeEnter}/{@code BridgeLeave}/{@code BridgeDestroy}/
 * {@code Hangup} events and from {@code BridgeList} + {@code CoreShowChannels} listings. Not thread-safe
 * ({@link LiveCalls} guards it); every method is idempotent so events can be replayed over a listing.
 */
final class BridgeTracker {
    private static final String CONFBRIDGE = "ConfBridge";

    private final Map<String, Bridge> bridges = new LinkedHashMap<>();
    private final Map<String, String> bridgeOfChannel = new HashMap<>();

    private record Bridge(String id, boolean conference, Map<String, CallParty> parties) {
    }

    /** A channel entered a bridge (the event carries the bridge's snapshot, so no BridgeCreate is needed). */
    <E extends ChannelEvent & BridgeEvent> void entered(E event, Instant at) {
        String channel = event.channel();
        if (LiveMember.hiddenChannel(channel)) {
            return;
        }
        left(channel);
        Bridge b = bridge(event.bridgeUniqueid(), isConference(event));
        b.parties().put(channel, new CallParty(channel, event.uniqueid(), event.callerIdNum(), event.callerIdName(), at));
        bridgeOfChannel.put(channel, b.id());
    }

    /** A channel left its bridge, or hung up. */
    void left(String channel) {
        String id = bridgeOfChannel.remove(channel);
        Bridge b = id == null ? null : bridges.get(id);
        if (b != null) {
            b.parties().remove(channel);
        }
    }

    /** A bridge was destroyed. */
    void destroyed(String bridgeId) {
        Bridge b = bridges.remove(bridgeId);
        if (b != null) {
            b.parties().keySet().forEach(bridgeOfChannel::remove);
        }
    }

    /** Replaces everything with what the PBX listed. */
    void applyListing(List<BridgeListItemEvent> listedBridges, List<CoreShowChannelEvent> channels, Instant at) {
        bridges.clear();
        bridgeOfChannel.clear();
        for (BridgeListItemEvent item : listedBridges) {
            bridge(item.bridgeUniqueid(), isConference(item));
        }
        for (CoreShowChannelEvent c : channels) {
            Bridge b = bridges.get(c.bridgeId());
            if (b != null && !LiveMember.hiddenChannel(c.channel())) {
                b.parties().put(c.channel(), new CallParty(c.channel(), c.uniqueid(), c.callerIdNum(), c.callerIdName(),
                        at.minus(parseDuration(c.duration()))));
                bridgeOfChannel.put(c.channel(), b.id());
            }
        }
    }

    /** @return every bridge that holds exactly two channels and is not a conference */
    List<LiveCall> calls() {
        List<LiveCall> out = new ArrayList<>();
        for (Bridge b : bridges.values()) {
            if (!b.conference() && b.parties().size() == 2) {
                List<CallParty> p = List.copyOf(b.parties().values());
                out.add(new LiveCall(b.id(), p.get(0), p.get(1)));
            }
        }
        return out;
    }

    private Bridge bridge(String id, boolean conference) {
        return bridges.computeIfAbsent(id, k -> new Bridge(k, conference, new LinkedHashMap<>()));
    }

    private static boolean isConference(BridgeEvent b) {
        return CONFBRIDGE.equals(b.bridgeCreator()) || "softmix".equals(b.bridgeTechnology());
    }

    /** @return {@code HH:MM:SS} as a duration, zero when unreadable */
    static Duration parseDuration(String hms) {
        String[] parts = hms.trim().split(":");
        if (parts.length != 3) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                    .plusSeconds(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
