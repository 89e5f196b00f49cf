package org.confroom.conference.invite;

/**
 * The changes the PBX causes, as {@link AttemptChange}s. Each applies only where the transition table
 * allows it and is a no-op otherwise, so a late or repeated event (an OriginateResponse after the
 * ConfbridgeJoin, a Hangup after the ConfbridgeLeave, anything after a cancel) changes nothing.
 */
public final class AttemptChanges {
    private AttemptChanges() {
    }

    /** @return the Originate was not sent after all (not connected): back to QUEUED */
    public static AttemptChange requeued() {
        return (a, now) -> {
            if (a.state() != AttemptState.DIALING) {
                return false;
            }
            a.moveTo(AttemptState.QUEUED, now);
            return true;
        };
    }

    /** @return the {@code ;1} channel got its name (Newchannel); no state change */
    public static AttemptChange channelSeen(String channel) {
        return (a, now) -> {
            if (a.channel != null || channel == null || channel.isEmpty()) {
                return false;
            }
            a.channel = channel;
            return true;
        };
    }

    /** @return the phone answered (OriginateResponse Success, or seen Up when reconciling) */
    public static AttemptChange answered(String channel, String actionId) {
        return (a, now) -> {
            if (a.state() != AttemptState.DIALING) {
                return false;
            }
            a.moveTo(AttemptState.ANSWERED, now);
            remember(a, channel, actionId);
            return true;
        };
    }

    /** @return in the room (ConfbridgeJoin) or, for click-to-call, connected to the second number */
    public static AttemptChange joined(String channel) {
        return (a, now) -> {
            if (!a.state().canMoveTo(AttemptState.JOINED)) {
                return false;
            }
            a.moveTo(AttemptState.JOINED, now);
            remember(a, channel, null);
            return true;
        };
    }

    /** @return left the room or hung up after joining */
    public static AttemptChange ended() {
        return (a, now) -> {
            if (a.state() != AttemptState.JOINED) {
                return false;
            }
            a.moveTo(AttemptState.ENDED, now);
            return true;
        };
    }

    /** @return failed, unless already final */
    public static AttemptChange failed(FailureReason reason, String detail) {
        return (a, now) -> {
            if (a.state().isFinal()) {
                return false;
            }
            a.fail(reason, detail, now);
            return true;
        };
    }

    /** @return cancelled by an operator: QUEUED, DIALING or ANSWERED (a call answered while being cancelled) fail CANCELLED */
    public static AttemptChange cancelled(String actor) {
        return (a, now) -> {
            if (!a.state().canMoveTo(AttemptState.FAILED) || a.state() == AttemptState.JOINED) {
                return false;
            }
            a.fail(FailureReason.CANCELLED, "cancelled by " + actor, now);
            return true;
        };
    }

    /** @return the Originate's outcome became unknown (connection lost, no answer in time): flag it, never re-send */
    public static AttemptChange outcomeUnknown() {
        return (a, now) -> {
            if (!a.state().isOnPbx() || a.outcomeUnknown) {
                return false;
            }
            a.outcomeUnknown = true;
            return true;
        };
    }

    /**
     * The {@code ;1} channel hung up. After a join that ends the attempt; before a join it failed: REJECTED
     * for an invite (a locked room hangs up the caller), the second leg's failure for click-to-call. While
     * DIALING the OriginateResponse decides, unless it will not come (outcome unknown).
     *
     * @param cause the Hangup cause
     * @param causeText its text
     * @param call what this process knows about the call
     * @return the change
     */
    public static AttemptChange hungUp(int cause, String causeText, TrackedCall call) {
        return (a, now) -> {
            String detail = "hung up (cause " + cause + (causeText.isEmpty() ? "" : ", " + causeText) + ")";
            switch (a.state()) {
                case JOINED:
                    a.moveTo(AttemptState.ENDED, now);
                    return true;
                case ANSWERED:
                    a.fail(call.cancelRequested() ? FailureReason.CANCELLED : answeredButGone(a, call), detail
                            + (a.kind == AttemptKind.INVITE ? " before joining the room" : " before the second number answered"), now);
                    return true;
                case DIALING:
                    if (call.cancelRequested()) {
                        a.fail(FailureReason.CANCELLED, detail, now);
                        return true;
                    }
                    if (a.outcomeUnknown && !call.originatePending()) {
                        a.fail(PbxOutcomes.fromHangupCause(cause).orElse(FailureReason.REJECTED), detail, now);
                        return true;
                    }
                    return false;
                default:
                    return false;
            }
        };
    }

    private static FailureReason answeredButGone(CallAttempt a, TrackedCall call) {
        return a.kind == AttemptKind.CLICK_TO_CALL && call.secondLegFailure() != null ? call.secondLegFailure()
                : FailureReason.REJECTED;
    }

    private static void remember(CallAttempt a, String channel, String actionId) {
        if (channel != null && !channel.isEmpty()) {
            a.channel = channel;
        }
        if (actionId != null && a.actionId == null) {
            a.actionId = actionId;
        }
    }
}
