package org.confroom.ami.sim;

import java.time.Duration;

/**
 * Calls out to the {@code ;2} half of a new Local pair running its [phones]-like extension, for Originate
 * (no calling channel) and for Dial() in [calls] (calling channel given): LocalBridge, DialBegin, then the
 * answer, busy, congestion or ringing sequence of 07, 08 and 11.
 */
final class LocalCall {
    /** How the called half answered. */
    interface Outcome {
        /** The callee answered; both halves are Up. */
        void answered();

        /**
         * The call failed; the pair is still up and the listener decides how it goes away.
         *
         * @param reason OriginateResponse reason: 0 no route, 3 no answer, 5 busy, 8 congestion
         */
        void failed(int reason);
    }

    private final Pbx pbx;

    LocalCall(Pbx pbx) {
        this.pbx = pbx;
    }

    /**
     * Starts the ;2 half. The pair's Newchannel and caller-id events must already be out.
     *
     * @param caller the channel running Dial(), or null for Originate
     * @param ringTimeout how long a never-answering phone rings before the call fails with reason 3
     */
    void start(Channel caller, Channel one, Channel two, Dialplan.Target target, Duration ringTimeout,
            Outcome outcome) {
        pbx.events.localBridge(one, two);
        if (caller != null) {
            pbx.events.deviceState(caller.device, "INUSE");
        }
        one.application = "AppDial2";
        one.appData = "(Outgoing Line)";
        two.runsPbx = true;
        pbx.events.dial("DialBegin", caller, one, "DialString", one.exten + "@" + one.context);
        Dialplan.Phone phone = target.kind() == Dialplan.Kind.PHONE ? target.phone() : Dialplan.Phone.ANSWER;
        if (!target.explicitContext()) {
            pbx.events.newexten(two, "NoOp", "phone " + two.exten + " " + phone.noOpText);
        }
        two.priority = target.explicitContext() ? 1 : 2;
        switch (phone) {
            case ANSWER:
                answer(caller, one, two);
                outcome.answered();
                break;
            case BUSY:
                refuse(caller, one, two, "Busy", "BUSY", 17);
                outcome.failed(5);
                break;
            case CONGESTION:
                refuse(caller, one, two, "Congestion", "CONGESTION", 34);
                outcome.failed(8);
                break;
            default:
                ring(caller, one, two, ringTimeout, outcome);
                break;
        }
    }

    /** Busy() or Congestion() on the ;2 half: its state becomes Busy and the dial ends (11). */
    private void refuse(Channel caller, Channel one, Channel two, String application, String dialStatus, int cause) {
        pbx.events.newexten(two, application, "10");
        pbx.events.newstate(two, ChannelState.BUSY);
        pbx.events.dial("DialEnd", caller, one, "DialStatus", dialStatus);
        two.hangupCause = cause;
    }

    private void answer(Channel caller, Channel one, Channel two) {
        pbx.events.newexten(two, "Answer", "");
        long now = pbx.now();
        two.answeredMillis = now;
        pbx.events.newstate(two, ChannelState.UP);
        pbx.events.deviceState(two.device, "INUSE");
        one.answeredMillis = now;
        pbx.events.newstate(one, ChannelState.UP);
        if (caller != null) {
            // the answered callee of Dial() has no extension any more (10, 23: DestExten and Exten empty)
            one.exten = "";
        }
        pbx.events.dial("DialEnd", caller, one, "DialStatus", "ANSWER");
        pbx.events.deviceState(one.device, "INUSE");
        two.priority++;
        pbx.events.newexten(two, "Wait", "3600");
    }

    private void ring(Channel caller, Channel one, Channel two, Duration ringTimeout, Outcome outcome) {
        pbx.events.newexten(two, "Ringing", "");
        pbx.events.newstate(one, ChannelState.RINGING);
        pbx.events.dial("DialState", caller, one, "DialStatus", "RINGING");
        pbx.events.deviceState(one.device, "INUSE");
        two.priority++;
        pbx.events.newexten(two, "Wait", "3600");
        pbx.schedule(ringTimeout, () -> {
            if (one.gone || one.isUp()) {
                return;
            }
            one.hangupCause = 19;
            two.hangupCause = 19;
            outcome.failed(3);
        });
    }
}
