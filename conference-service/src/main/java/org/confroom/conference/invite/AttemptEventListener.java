package org.confroom.conference.invite;

import java.util.function.Consumer;

import org.confroom.ami.client.AmiEventListener;
import org.confroom.ami.client.ConnectionEvent;
import org.confroom.ami.client.ConnectionListener;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.ConfbridgeJoinEvent;
import org.confroom.ami.event.ConfbridgeLeaveEvent;
import org.confroom.ami.event.DialEndEvent;
import org.confroom.ami.event.HangupEvent;
import org.confroom.ami.event.NewchannelEvent;
import org.confroom.ami.event.OriginateResponseEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs on the AMI event thread: picks the events about tracked attempts (by Uniqueid = attempt id) and
 * hands them to the {@link AttemptWorker}, never touching the database itself. Newchannel names the
 * channel, OriginateResponse answers or fails (in wire order with the call's other events; the
 * Originate's future delivers the same response, possibly later, as a no-op), ConfbridgeJoin joins, ConfbridgeLeave ends, DialEnd of the click-to-call's second
 * leg connects or fails it, Hangup ends or fails. Lost events and a reconnect flag every attempt for
 * reconciliation.
 */
@ApplicationScoped
public class AttemptEventListener implements AmiEventListener, ConnectionListener {
    @Inject
    CallTracker tracker;

    @Inject
    AttemptWorker worker;

    @Inject
    AttemptLifecycle lifecycle;

    @Inject
    AttemptDispatcher dispatcher;

    private volatile boolean connectionLost;

    @Override
    public void onEvent(AmiEvent event) {
        if (event instanceof NewchannelEvent e) {
            route(e.uniqueid(), call -> {
                call.channel(e.channel());
                worker.execute("Newchannel of " + call.id(), () -> lifecycle.channelSeen(call.id(), e.channel()));
            });
        } else if (event instanceof OriginateResponseEvent e) {
            // also while the Originate's future waits: its callback may be queued after later events of the
            // call, this copy comes in wire order; applying both is harmless (the second is a no-op)
            route(e.uniqueid(), call -> worker.execute("OriginateResponse of " + call.id(),
                    () -> lifecycle.originateResponse(call.id(), e)));
        } else if (event instanceof ConfbridgeJoinEvent e) {
            route(e.uniqueid(), call -> worker.execute("ConfbridgeJoin of " + call.id(),
                    () -> lifecycle.joined(call.id(), e.channel())));
        } else if (event instanceof ConfbridgeLeaveEvent e) {
            route(e.uniqueid(), call -> worker.execute("ConfbridgeLeave of " + call.id(),
                    () -> lifecycle.left(call.id())));
        } else if (event instanceof DialEndEvent e) {
            // the caller side of a Dial(): the first leg of a click-to-call dialling the second number
            route(e.uniqueid(), call -> worker.execute("DialEnd of " + call.id(),
                    () -> lifecycle.dialEnded(call.id(), e.dialStatus())));
        } else if (event instanceof HangupEvent e) {
            route(e.uniqueid(), call -> worker.execute("Hangup of " + call.id(),
                    () -> lifecycle.hungUp(call.id(), e.cause(), e.causeText())));
        }
    }

    @Override
    public void onEventsLost(long lost, long totalLost) {
        worker.execute("events lost", () -> {
            tracker.markAllForReconcile();
            dispatcher.requestRound();
        });
    }

    @Override
    public void onConnectionEvent(ConnectionEvent event) {
        if (event.state() == ConnectionState.READY) {
            boolean afterLoss = connectionLost;
            connectionLost = false;
            worker.execute("AMI ready", () -> {
                if (afterLoss) {
                    tracker.markAllForReconcile();
                }
                dispatcher.requestRound();
            });
        } else if (event.state() != ConnectionState.CONNECTING && event.state() != ConnectionState.AUTHENTICATING) {
            connectionLost = true;
        }
    }

    private void route(String uniqueid, Consumer<TrackedCall> action) {
        tracker.byUniqueid(uniqueid).ifPresent(action);
    }
}
