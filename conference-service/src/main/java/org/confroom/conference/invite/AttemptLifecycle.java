package org.confroom.conference.invite;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.action.Hangup;
import org.confroom.ami.event.OriginateResponseEvent;
import org.confroom.conference.pbx.PbxConnection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/**
 * What happens to an attempt when the PBX tells something about it: the Originate's outcome, its
 * channel's events, a reconciliation. Runs on the {@link AttemptWorker} thread only. After a final
 * state it frees the attempt's place (a new dispatch round), queues a retry where the policy wants one,
 * and stops tracking it.
 */
@ApplicationScoped
public class AttemptLifecycle {
    private static final System.Logger LOG = System.getLogger(AttemptLifecycle.class.getName());

    @Inject
    AttemptProgress progress;

    @Inject
    CallTracker tracker;

    @Inject
    AttemptRetries retries;

    @Inject
    DialSettingsSource settings;

    @Inject
    PbxConnection connection;

    @Inject
    AttemptDispatcher dispatcher;

    @Inject
    OriginateOutcomes outcomes;

    /**
     * The future of an attempt's Originate completed: with its OriginateResponse, or failed. A failure
     * after sending never leads to a second Originate: the attempt is flagged outcome unknown and
     * reconciled against the PBX.
     */
    public void originateCompleted(UUID id, OriginateResponseEvent response, Throwable error) {
        TrackedCall call = tracker.track(id);
        call.originatePending(false);
        outcomes.record(response, error);
        if (error == null) {
            originateResponse(id, response);
        } else {
            originateFailed(id, call, error);
        }
        if (call.finished()) {
            tracker.forget(id);
        }
    }

    private void originateFailed(UUID id, TrackedCall call, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof AmiNotConnectedException) {
            // provably not written to the PBX: it may be dialled later
            after(id, progress.apply(id, "not sent: " + cause.getMessage(),
                    call.cancelRequested() ? AttemptChanges.failed(FailureReason.CANCELLED, "cancelled before it was sent")
                            : AttemptChanges.requeued()));
        } else if (cause instanceof AmiErrorResponseException e) {
            fail(id, call, FailureReason.ERROR, "Asterisk refused the Originate: " + e.asteriskMessage());
        } else if (!(cause instanceof AmiException)) {
            // refused by the encoder (AmiEncodingException) or not buildable: nothing was written
            fail(id, call, FailureReason.ERROR, "Originate not sent: " + cause.getMessage());
        } else {
            if (progress.apply(id, "outcome unknown: " + cause, AttemptChanges.outcomeUnknown()).isEmpty()) {
                return; // already final (cancelled, or resolved by events)
            }
            call.needsReconcile(true);
            LOG.log(Level.INFO, "attempt " + id + ": outcome of its Originate unknown (" + cause.getMessage()
                    + "); it will be reconciled by its ChannelId and not sent again");
            dispatcher.requestRound();
        }
    }

    /** An OriginateResponse of the attempt: answered (Reason 4) or failed with the mapped reason. */
    public void originateResponse(UUID id, OriginateResponseEvent r) {
        TrackedCall call = tracker.track(id);
        if (r.isSuccess()) {
            call.channel(r.channel());
            after(id, progress.apply(id, "OriginateResponse Success", AttemptChanges.answered(r.channel(), r.actionId().orElse(null))));
            if (call.cancelRequested()) {
                hangUpCancelled(call);
            }
            return;
        }
        fail(id, call, PbxOutcomes.fromOriginateReason(r.reason()), "OriginateResponse Reason " + r.reason() + " (" + r.reasonText() + ")");
    }

    /** A Newchannel named the attempt's {@code ;1} channel. */
    public void channelSeen(UUID id, String channel) {
        TrackedCall call = tracker.track(id);
        call.channel(channel);
        progress.apply(id, "Newchannel " + channel, AttemptChanges.channelSeen(channel));
        if (call.cancelRequested()) {
            hangUpCancelled(call);
        }
    }

    /** ConfbridgeJoin of the attempt's channel, or the click-to-call's second leg answered. */
    public void joined(UUID id, String channel) {
        after(id, progress.apply(id, "joined", AttemptChanges.joined(channel)));
    }

    /** ConfbridgeLeave of the attempt's channel. */
    public void left(UUID id) {
        after(id, progress.apply(id, "ConfbridgeLeave", AttemptChanges.ended()));
    }

    /** Click-to-call: the DialEnd of the second number, dialled by the attempt's channel. */
    public void dialEnded(UUID id, String dialStatus) {
        if ("ANSWER".equalsIgnoreCase(dialStatus)) {
            joined(id, null);
        } else {
            tracker.track(id)
                    .secondLegFailure(PbxOutcomes.fromDialStatus(dialStatus).orElse(FailureReason.REJECTED));
        }
    }

    /** Hangup of the attempt's {@code ;1} channel. */
    public void hungUp(UUID id, int cause, String causeText) {
        TrackedCall call = tracker.track(id);
        after(id, progress.apply(id, "Hangup cause " + cause, AttemptChanges.hungUp(cause, causeText, call)));
    }

    /**
     * The result of a reconciliation: no channel (ENDED after a join, else FAILED LOST), in the room or
     * connected (JOINED), answered (ANSWERED), or still ringing (left to the coming events).
     */
    public void reconciled(AttemptQueue.OnPbx item, Optional<PbxSighting> sighting) {
        UUID id = item.id();
        if (sighting.isEmpty()) {
            after(id, progress.apply(id, "reconciled: no channel", item.state() == AttemptState.JOINED ? AttemptChanges.ended()
                    : AttemptChanges.failed(FailureReason.LOST, "no channel with Uniqueid " + id
                            + " was on the PBX when reconciled; the Originate was not sent again")));
            return;
        }
        PbxSighting s = sighting.get();
        tracker.track(id).channel(s.channel());
        if (s.joined()) {
            after(id, progress.apply(id, "reconciled: joined", AttemptChanges.joined(s.channel())));
        } else if (s.up()) {
            after(id, progress.apply(id, "reconciled: up", AttemptChanges.answered(s.channel(), null)));
        } else {
            progress.apply(id, "reconciled: ringing", AttemptChanges.channelSeen(s.channel()));
        }
    }

    private void fail(UUID id, TrackedCall call, FailureReason reason, String detail) {
        FailureReason r = call.cancelRequested() ? FailureReason.CANCELLED : reason;
        after(id, progress.apply(id, r + ": " + detail, AttemptChanges.failed(r, detail)));
    }

    /** Follows a change: a final attempt frees its place, may be retried and is no longer tracked. */
    private void after(UUID id, Optional<CallAttempt> changed) {
        if (changed.isEmpty() || !changed.get().state().isFinal()) {
            return;
        }
        CallAttempt a = changed.get();
        tracker.get(id).ifPresent(c -> {
            c.finished(true);
            if (!c.originatePending()) {
                tracker.forget(id);
            }
        });
        if (a.state() == AttemptState.FAILED && a.failureReason().retryable()) {
            queueRetry(a);
        }
        dispatcher.requestRound();
    }

    private void queueRetry(CallAttempt failed) {
        try {
            retries.retry(failed.id, settings.current().policy()).ifPresent(r -> {
                LOG.log(Level.INFO, "attempt " + failed.id + " " + failed.failureReason() + ": retry " + r.id + " (#"
                        + r.attemptNo + ") not before " + r.notBefore);
                dispatcher.requestRoundAt(r.notBefore.toInstant());
            });
        } catch (PersistenceException e) {
            if (!UniqueViolations.isUniqueViolation(e)) {
                throw e;
            }
            LOG.log(Level.INFO, "attempt " + failed.id + " not retried: " + failed.number + " is being dialled again already");
        }
    }

    /** Hangs up the channel of a cancelled attempt; a channel already gone is fine. */
    private void hangUpCancelled(TrackedCall call) {
        String channel = call.channel();
        if (channel == null || !connection.ready()) {
            return;
        }
        connection.client().send(Hangup.of(channel)).whenComplete((r, err) -> {
            if (err != null) {
                LOG.log(Level.DEBUG, () -> "hangup of cancelled attempt " + call.id() + " on " + channel + ": " + err.getMessage());
            }
        });
    }
}
