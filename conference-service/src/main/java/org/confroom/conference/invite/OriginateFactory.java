package org.confroom.conference.invite;

import org.confroom.ami.action.Originate;

/**
 * Builds the asynchronous Originate of a claimed attempt. Invite: the dial string rings the phone and,
 * once it answers, sends it to {@code <room context>,<room number>,1}. Click-to-call: the first phone is
 * sent to {@code <click-to-call context>,<second number's digits>,1}, whose dialplan dials the second
 * one. Both carry the attempt id as ChannelId and as the channel variable {@code CONFROOM_ATTEMPT}.
 */
public final class OriginateFactory {
    /** Channel variable holding the attempt id, for the dialplan and for CDRs. */
    public static final String ATTEMPT_VARIABLE = "CONFROOM_ATTEMPT";

    private OriginateFactory() {
    }

    /** @return the Originate of a claimed attempt */
    public static Originate build(ClaimedCall c, DialSettings s) {
        Originate.Builder b = Originate.builder(c.dialString()).async(true).callerId(c.callerId())
                .timeout(s.ringTimeout()).channelId(c.id().toString())
                .variable(ATTEMPT_VARIABLE, c.id().toString());
        if (c.kind() == AttemptKind.INVITE) {
            b.dialplan(s.roomContext(), c.roomNumber(), 1)
                    .variable("CONFROOM_ROLE", c.role().name())
                    .variable("CONFROOM_BRIDGE_PROFILE", c.bridgeProfile())
                    .variable("CONFROOM_USER_PROFILE", c.userProfile());
        } else {
            b.dialplan(s.clickToCallContext(), DialSettings.digits(c.connectTo()), 1);
        }
        return b.build();
    }
}
