package org.confroom.ami.sim;

import java.time.Duration;
import java.util.Optional;

/**
 * Runs an answered channel at a dialplan location (after Originate or Redirect) or an application
 * (Originate with Application), following the recorded extensions.conf.
 */
final class DialplanRunner {
    private static final Duration DIAL_TIMEOUT = Duration.ofSeconds(30);

    private final Pbx pbx;

    DialplanRunner(Pbx pbx) {
        this.pbx = pbx;
    }

    /** The channel continues at {@code context,exten,priority}; a missing extension hangs it up (23 e). */
    void enter(Channel c, String context, String exten, int priority) {
        c.runsPbx = true;
        c.moveTo(context, exten, priority);
        Optional<Dialplan.Target> target = Dialplan.resolve(context, exten);
        if (target.isEmpty()) {
            hangUp(c);
            return;
        }
        Dialplan.Target t = target.get();
        switch (t.kind()) {
            case CONFBRIDGE:
                if (t.profile() == UserProfile.DEFAULT_USER) {
                    pbx.events.newexten(c, "NoOp", "joining conference " + exten);
                    c.priority = 2;
                }
                pbx.events.newexten(c, "ConfBridge", exten + ",default_bridge," + t.profile().confName);
                pbx.confbridge.join(c, exten, t.profile());
                break;
            case CALLS:
                pbx.events.newexten(c, "NoOp", "call to " + exten);
                c.priority = 2;
                pbx.events.newexten(c, "Dial", "Local/" + exten + "@phones,30");
                dial(c, exten);
                break;
            default:
                runPhone(c, t.phone());
                break;
        }
    }

    /** Originate with Application: the channel stays at its own location and runs the application (26). */
    void runApplication(Channel c, String application, String data) {
        c.application = application;
        c.appData = data;
        if (application.equalsIgnoreCase("ConfBridge")) {
            String[] parts = data.split(",", -1);
            UserProfile profile = parts.length > 2 ? UserProfile.byName(parts[2]).orElse(UserProfile.DEFAULT_USER)
                    : UserProfile.DEFAULT_USER;
            c.application = "ConfBridge";
            pbx.confbridge.join(c, parts[0].trim(), profile);
        } else if (!application.equalsIgnoreCase("Wait") && !application.equalsIgnoreCase("Echo")) {
            // applications the simulator does not model end at once, like an application that returns
            hangUp(c);
        }
    }

    private void runPhone(Channel c, Dialplan.Phone phone) {
        pbx.events.newexten(c, "NoOp", "phone " + c.exten + " " + phone.noOpText);
        c.priority = 2;
        switch (phone) {
            case BUSY:
                pbx.events.newexten(c, "Busy", "10");
                c.hangupCause = 17;
                hangUp(c);
                break;
            case CONGESTION:
                pbx.events.newexten(c, "Congestion", "10");
                c.hangupCause = 34;
                hangUp(c);
                break;
            default:
                pbx.events.newexten(c, phone == Dialplan.Phone.RING ? "Ringing" : "Answer", "");
                c.priority = 3;
                pbx.events.newexten(c, "Wait", "3600");
                break;
        }
    }

    private void hangUp(Channel c) {
        pbx.hangups.endPair(c);
        pbx.hangups.followPartner(c);
    }

    /** Dial(Local/exten@phones,30) from the [calls] context: a two-party call in a basic bridge (10). */
    private void dial(Channel caller, String exten) {
        long now = pbx.now();
        Channel[] pair = pbx.channels.newLocalPair(exten, "phones", null, null, now);
        Channel one = pair[0];
        Channel two = pair[1];
        pbx.events.channel("Newchannel", one);
        pbx.events.channel("Newchannel", two);
        if (!Channel.UNKNOWN.equals(caller.callerNum)) {
            one.setCallerId(exten, caller.callerName);
            pbx.events.newCallerid(one);
            one.setConnectedLine(caller.callerNum, caller.callerName);
            pbx.events.channel("NewConnectedLine", one);
            two.setCallerId(caller.callerNum, caller.callerName);
            two.setConnectedLine(caller.callerNum, caller.callerName);
            pbx.events.newCallerid(two);
            pbx.events.channel("NewConnectedLine", two);
        }
        Dialplan.Target target = Dialplan.resolve("phones", exten).orElseThrow();
        pbx.localCalls.start(caller, one, two, target, DIAL_TIMEOUT, new LocalCall.Outcome() {
            @Override
            public void answered() {
                bridgeCall(caller, one);
            }

            @Override
            public void failed(int reason) {
                pbx.hangups.endPair(one);
                caller.priority = 3;
                caller.hangupCause = one.hangupCause != 0 ? one.hangupCause : two.hangupCause;
                hangUp(caller);
            }
        });
    }

    private void bridgeCall(Channel caller, Channel callee) {
        Bridge bridge = new Bridge(Bridge.Kind.BASIC, Channel.UNKNOWN, Channel.UNKNOWN);
        pbx.bridges.add(bridge);
        pbx.events.bridge("BridgeCreate", bridge);
        callee.application = "AppDial";
        callee.appData = "(Outgoing Line)";
        for (Channel c : new Channel[] {callee, caller}) {
            c.bridge = bridge;
            c.hangupCause = 16;
            bridge.channels.add(c);
            pbx.events.bridgeChannel("BridgeEnter", bridge, c);
        }
        caller.dialPartner = callee;
        callee.dialPartner = caller;
    }
}
