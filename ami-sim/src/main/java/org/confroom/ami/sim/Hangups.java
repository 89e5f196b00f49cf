package org.confroom.ami.sim;

/**
 * Channel teardown with the event sequences and causes of the recordings (08, 11, 22, 23, 24, 26):
 * a channel hanging up on its own side, the far end of a Local pair hanging up, and the other leg of a
 * two-party call following.
 */
final class Hangups {
    private final Pbx pbx;

    Hangups(Pbx pbx) {
        this.pbx = pbx;
    }

    /**
     * Hangup action: the channel (and what depends on it) goes away after the settle window, during which
     * it still exists with a pending hangup (Redirect then answers "channel not up", 23 c1/c2).
     */
    void requestHangup(Channel c) {
        if (c.hangupPending || c.gone) {
            return;
        }
        c.hangupPending = true;
        pbx.scheduleMillis(pbx.timing.hangupSettle().toMillis(), () -> hangupNow(c));
    }

    void hangupNow(Channel c) {
        if (c.gone) {
            return;
        }
        Channel other = c.otherHalf;
        if (other != null && c.name.endsWith(";2") && !other.gone) {
            farEnd(c);
        } else if (other != null && other.hangupPending && !other.gone && other.name.endsWith(";2")) {
            // both halves hung up by one action (Hangup Channel: /regex/, 19, 20): the ;2 half sits in Wait()
            // and goes at once, the ;1 half must first be pulled out of its bridge, so the far end wins
            farEnd(other);
        } else {
            c.hangupCause = 16;
            detach(c, true);
            endPair(c);
            followPartner(c);
        }
    }

    /**
     * The far end ({@code ;2}) hangs up: the member half leaves at once, and hangs up itself only after the
     * trail delay (24).
     */
    private void farEnd(Channel two) {
        Channel one = two.otherHalf;
        two.hangupPending = true;
        one.hangupPending = true;
        pbx.events.softHangupRequest(two);
        pbx.events.hangupRequest(one, 0);
        ConferenceRoom ended = detach(one, false);
        pbx.events.hangup(two, 0);
        pbx.channels.remove(two);
        pbx.events.deviceState(two.device, "NOT_INUSE");
        pbx.schedule(pbx.timing.memberHangupTrail(), () -> {
            if (ended != null) {
                pbx.confbridge.destroyBridge(ended);
            }
            if (!one.gone) {
                pbx.events.softHangupRequest(one);
                pbx.events.hangup(one, 16);
                pbx.channels.remove(one);
            }
            followPartner(one);
        });
    }

    /**
     * A channel hangs up on its own side (its application ended, a kick, a locked conference, a failed
     * dial): SoftHangupRequest if it runs dialplan, HangupRequest of its far end, both Hangups.
     */
    void endPair(Channel c) {
        if (c.gone) {
            return;
        }
        c.hangupPending = true;
        Channel other = c.otherHalf;
        if (c.runsPbx) {
            pbx.events.softHangupRequest(c);
        }
        if (other != null && !other.gone) {
            other.hangupPending = true;
            pbx.events.hangupRequest(other, c.hangupCause);
        }
        pbx.events.hangup(c, c.hangupCause);
        pbx.channels.remove(c);
        pbx.events.deviceState(c.device, "NOT_INUSE");
        if (other != null && !other.gone) {
            pbx.events.softHangupRequest(other);
            pbx.events.hangup(other, other.hangupCause != 0 ? other.hangupCause : c.hangupCause);
            pbx.channels.remove(other);
            pbx.events.deviceState(other.device, "NOT_INUSE");
        }
    }

    /**
     * Takes a channel that hangs up out of its bridge or conference.
     *
     * @param destroyNow true to destroy an emptied conference bridge at once, false to leave that to the caller
     * @return the conference that ended because of this, if any
     */
    ConferenceRoom detach(Channel c, boolean destroyNow) {
        return leave(c, destroyNow, "HANGUP");
    }

    /**
     * Takes a redirected channel out of its bridge or conference (its conference bridge is destroyed at once
     * when it empties).
     */
    void moveOut(Channel c) {
        leave(c, true, null);
    }

    private ConferenceRoom leave(Channel c, boolean destroyNow, String confbridgeResult) {
        if (c.member != null) {
            return pbx.confbridge.leaveNow(c.member, destroyNow, confbridgeResult);
        }
        Bridge b = c.bridge;
        if (b != null) {
            c.bridge = null;
            b.channels.remove(c);
            pbx.events.bridgeChannel("BridgeLeave", b, c);
            if (b.kind == Bridge.Kind.BASIC && b.channels.isEmpty()) {
                pbx.events.bridge("BridgeDestroy", b);
                pbx.bridges.remove(b);
            }
        }
        return null;
    }

    /** The other leg of a two-party Dial() call hangs up when this leg is gone (23 c1, c2, e). */
    void followPartner(Channel c) {
        Channel partner = c.dialPartner;
        c.dialPartner = null;
        if (partner == null || partner.gone) {
            return;
        }
        partner.dialPartner = null;
        detach(partner, true);
        endPair(partner);
    }
}
