package org.confroom.ami.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulated channel: a half of a Local pair or a hidden ConfBridge announcer. Mutable, touched only on
 * the PBX thread.
 */
final class Channel {
    static final String UNKNOWN = "<unknown>";

    final String name;
    final String uniqueid;
    final String linkedid;
    /** the device for DeviceStateChange, e.g. {@code Local/1001@phones} */
    final String device;
    final long createdMillis;

    ChannelState state;
    String callerNum = UNKNOWN;
    String callerName = UNKNOWN;
    String connectedNum = UNKNOWN;
    String connectedName = UNKNOWN;
    String accountCode = "";
    String context;
    String exten;
    int priority = 1;
    String application = "";
    String appData = "";
    long answeredMillis;
    final Map<String, String> variables = new LinkedHashMap<>();

    /** the other half of a Local pair, null for other channels */
    Channel otherHalf;
    /** the other leg of a two-party Dial() call, hung up when this one leaves the call */
    Channel dialPartner;
    Bridge bridge;
    ConferenceMember member;
    /** set by Hangup or a kick: the channel is going away and must not be moved any more */
    boolean hangupPending;
    /** true while the channel runs dialplan or an application (not for a Dial() callee): it then gets SoftHangupRequest */
    boolean runsPbx;
    boolean gone;
    /** cause reported when this channel hangs up on its own, 16 once it has been in a two-party call */
    int hangupCause;

    Channel(String name, String uniqueid, String linkedid, String device, ChannelState state, String context,
            String exten, long now) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.device = device;
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.createdMillis = now;
    }

    boolean isUp() {
        return state == ChannelState.UP;
    }

    void moveTo(String newContext, String newExten, int newPriority) {
        this.context = newContext;
        this.exten = newExten;
        this.priority = newPriority;
    }

    void setCallerId(String num, String nameText) {
        this.callerNum = num;
        this.callerName = nameText;
    }

    void setConnectedLine(String num, String nameText) {
        this.connectedNum = num;
        this.connectedName = nameText;
    }

    @Override
    public String toString() {
        return name;
    }
}
