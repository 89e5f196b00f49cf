package org.confroom.ami.sim;

import static org.confroom.ami.sim.Snapshots.channelEvent;

import org.confroom.ami.codec.AmiMessage;

/** Publishes the channel, dial and bridge events of Asterisk 22 with their recorded header layout. */
final class CallEvents {
    private final EventBus bus;

    CallEvents(EventBus bus) {
        this.bus = bus;
    }

    EventBus bus() {
        return bus;
    }

    static String causeText(int cause) {
        switch (cause) {
            case 16: return "Normal Clearing";
            case 17: return "User busy";
            case 19: return "User alerting, no answer";
            case 34: return "Circuit/channel congestion";
            default: return "Unknown";
        }
    }

    void channel(String event, Channel c) {
        bus.publish(EventClass.CALL, () -> channelEvent(event, EventClass.CALL, c).build());
    }

    void newstate(Channel c, ChannelState state) {
        c.state = state;
        channel("Newstate", c);
    }

    void newCallerid(Channel c) {
        bus.publish(EventClass.CALL, () -> channelEvent("NewCallerid", EventClass.CALL, c)
                .add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)").build());
    }

    void newAccountCode(Channel c, String old) {
        bus.publish(EventClass.CALL, () -> channelEvent("NewAccountCode", EventClass.CALL, c)
                .add("OldAccountCode", old).build());
    }

    /** Dialplan class: one priority of an extension started. */
    void newexten(Channel c, String application, String data) {
        c.application = application;
        c.appData = data;
        bus.publish(EventClass.DIALPLAN, () -> channelEvent("Newexten", EventClass.DIALPLAN, c)
                .add("Extension", c.exten).add("Application", application).add("AppData", data).build());
    }

    /** Dialplan class: a channel variable was set. */
    void varSet(Channel c, String variable, String value) {
        c.variables.put(variable, value);
        bus.publish(EventClass.DIALPLAN, () -> channelEvent("VarSet", EventClass.DIALPLAN, c)
                .add("Variable", variable).add("Value", value).build());
    }

    void hangupRequest(Channel c, int cause) {
        bus.publish(EventClass.CALL, () -> channelEvent("HangupRequest", EventClass.CALL, c)
                .add("Cause", Integer.toString(cause)).build());
    }

    void softHangupRequest(Channel c) {
        bus.publish(EventClass.CALL, () -> channelEvent("SoftHangupRequest", EventClass.CALL, c)
                .add("Cause", "16").build());
    }

    void hangup(Channel c, int cause) {
        bus.publish(EventClass.CALL, () -> channelEvent("Hangup", EventClass.CALL, c)
                .add("Cause", Integer.toString(cause)).add("Cause-txt", causeText(cause)).build());
    }

    void deviceState(String device, String state) {
        bus.publish(EventClass.CALL, () -> Snapshots.event("DeviceStateChange", EventClass.CALL)
                .add("Device", device).add("State", state).build());
    }

    void localBridge(Channel one, Channel two) {
        bus.publish(EventClass.CALL, () -> {
            AmiMessage.Builder b = Snapshots.event("LocalBridge", EventClass.CALL);
            Snapshots.channel(b, "LocalOne", one);
            Snapshots.channel(b, "LocalTwo", two);
            return b.add("Context", one.context).add("Exten", one.exten).add("LocalOptimization", "Yes").build();
        });
    }

    /** DialBegin / DialEnd / DialState; {@code caller} is null for an Originate (no calling channel). */
    void dial(String event, Channel caller, Channel dest, String lastKey, String lastValue) {
        bus.publish(EventClass.CALL, () -> {
            AmiMessage.Builder b = Snapshots.event(event, EventClass.CALL);
            if (caller != null) {
                Snapshots.channel(b, "", caller);
            }
            Snapshots.channel(b, "Dest", dest);
            return b.add(lastKey, lastValue).build();
        });
    }

    void bridge(String event, Bridge bridge) {
        bus.publish(EventClass.CALL, () -> Snapshots.bridgeEvent(event, bridge).build());
    }

    void bridgeChannel(String event, Bridge bridge, Channel c) {
        bus.publish(EventClass.CALL, () -> Snapshots.channel(Snapshots.bridgeEvent(event, bridge), "", c).build());
    }

    void dtmf(Channel c, String digit, long durationMs) {
        bus.publish(EventClass.DTMF, () -> channelEvent("DTMFBegin", EventClass.DTMF, c)
                .add("Digit", digit).add("Direction", "Received").build());
        bus.publish(EventClass.DTMF, () -> channelEvent("DTMFEnd", EventClass.DTMF, c)
                .add("Digit", digit).add("DurationMs", Long.toString(durationMs)).add("Direction", "Received").build());
    }
}
