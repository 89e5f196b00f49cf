package org.confroom.conference.live;

import java.time.Instant;

import org.confroom.ami.client.AmiEventListener;
import org.confroom.ami.client.ConnectionEvent;
import org.confroom.ami.client.ConnectionListener;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.ConfbridgeEndEvent;
import org.confroom.ami.event.ConfbridgeJoinEvent;
import org.confroom.ami.event.ConfbridgeLeaveEvent;
import org.confroom.ami.event.ConfbridgeMuteEvent;
import org.confroom.ami.event.ConfbridgeRecordEvent;
import org.confroom.ami.event.ConfbridgeStartEvent;
import org.confroom.ami.event.ConfbridgeStopRecordEvent;
import org.confroom.ami.event.ConfbridgeTalkingEvent;
import org.confroom.ami.event.ConfbridgeUnmuteEvent;
import org.confroom.ami.event.HangupEvent;
import org.confroom.ami.event.ShutdownEvent;

/**
 * Turns AMI events and connection changes into changes of the live state. Runs on the AMI event thread:
 * every branch is a short in-memory update under the state lock, nothing blocks.
 */
final class LiveEventRouter implements AmiEventListener, ConnectionListener {
    private final LiveRooms rooms;

    LiveEventRouter(LiveRooms rooms) {
        this.rooms = rooms;
    }

    @Override
    public void onEvent(AmiEvent event) {
        Instant at = Instant.now();
        if (event instanceof ConfbridgeJoinEvent join) {
            if (!LiveMember.hiddenChannel(join.channel())) {
                LiveMember member = new LiveMember(join.channel(), join.uniqueid(), join.callerIdNum(), join.callerIdName(),
                        join.muted(), false, join.admin(), false, MemberPhase.JOINED, at);
                rooms.mutate(s -> s.memberJoined(join.conference(), member, at));
            }
        } else if (event instanceof ConfbridgeLeaveEvent leave) {
            if (!LiveMember.hiddenChannel(leave.channel())) {
                rooms.mutate(s -> s.memberLeft(leave.conference(), leave.channel(), at));
            }
        } else if (event instanceof HangupEvent hangup) {
            rooms.mutate(s -> s.channelGone(hangup.channel()));
        } else if (event instanceof ConfbridgeMuteEvent mute) {
            rooms.mutate(s -> s.muted(mute.conference(), mute.channel(), true));
        } else if (event instanceof ConfbridgeUnmuteEvent unmute) {
            rooms.mutate(s -> s.muted(unmute.conference(), unmute.channel(), false));
        } else if (event instanceof ConfbridgeTalkingEvent talking) {
            rooms.mutate(s -> s.talking(talking.conference(), talking.channel(), talking.talking()));
        } else if (event instanceof ConfbridgeStartEvent start) {
            rooms.mutate(s -> s.roomStarted(start.conference(), at));
        } else if (event instanceof ConfbridgeEndEvent end) {
            rooms.mutate(s -> s.roomEnded(end.conference()));
        } else if (event instanceof ConfbridgeRecordEvent record) {
            rooms.mutate(s -> s.recording(record.conference(), true, at));
        } else if (event instanceof ConfbridgeStopRecordEvent stop) {
            rooms.mutate(s -> s.recording(stop.conference(), false, at));
        } else if (event instanceof ShutdownEvent) {
            rooms.markStale("Asterisk is shutting down; the live state is the last known one");
        }
    }

    @Override
    public void onEventsLost(long lost, long totalLost) {
        rooms.eventsLost(lost);
    }

    @Override
    public void onConnectionEvent(ConnectionEvent event) {
        if (event.state() == ConnectionState.READY) {
            rooms.connected();
        } else {
            rooms.disconnected(event.state());
        }
    }
}
