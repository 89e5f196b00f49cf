package org.confroom.conference.invite;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.action.Hangup;
import org.confroom.conference.ConflictException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.pbx.PbxConnection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Cancels an attempt that is QUEUED (it never dials) or DIALING (its ringing channel is hung up by the
 * exact name learned from Newchannel, never by a pattern). A DIALING attempt whose channel has no name
 * yet is marked; the channel is hung up as soon as it shows up. Asterisk's refusal of the Hangup
 * reaches the caller as {@link PbxCommandException}; "No such channel" means the call is gone already
 * and the cancel goes on. Every cancel writes an audit row (refusals and failures separately).
 */
@ApplicationScoped
public class AttemptCanceller {
    @Inject
    AttemptProgress progress;

    @Inject
    CallTracker tracker;

    @Inject
    PbxConnection connection;

    @Inject
    DialSettingsSource settings;

    @Inject
    AuditLog audit;

    /**
     * @param id the attempt
     * @param kind the kind the caller manages (an invite cannot be cancelled as a click-to-call)
     * @param actor who cancels
     * @param auditAction {@code invite.cancel} or {@code click_to_call.cancel}
     * @return the cancelled attempt (FAILED CANCELLED)
     * @throws NotFoundException for an unknown attempt (or one of another kind)
     * @throws ConflictException when it is past DIALING or finished
     * @throws PbxCommandException when Asterisk refused the Hangup or is not connected
     */
    public CallAttempt cancel(UUID id, AttemptKind kind, String actor, String auditAction) {
        CallAttempt a = progress.load(id).filter(x -> x.kind == kind).orElseThrow(() -> refused(actor, auditAction, null,
                id.toString(), id, new NotFoundException("no " + kindName(kind) + " with id " + id)));
        if (a.state() == AttemptState.QUEUED) {
            Optional<CallAttempt> done = cancelInDatabase(a, actor, auditAction, null);
            if (done.isPresent()) {
                return done.get();
            }
            a = progress.load(id).orElseThrow();
        }
        if (a.state() != AttemptState.DIALING) {
            throw refused(actor, auditAction, a.roomId, a.number, id, new ConflictException("attempt " + id + " is " + a.state()
                    + (a.failureReason() == null ? "" : " " + a.failureReason())
                    + "; only a QUEUED or DIALING attempt can be cancelled"));
        }
        TrackedCall call = tracker.track(id);
        call.cancelRequested(true);
        String channel = call.channel() != null ? call.channel() : a.channel;
        if (channel != null) {
            hangUp(a, channel, actor, auditAction, call);
        }
        Optional<CallAttempt> cancelled = cancelInDatabase(a, actor, auditAction, channel);
        if (cancelled.isPresent()) {
            return cancelled.get();
        }
        CallAttempt now = progress.load(id).orElse(a);
        if (now.failureReason() == FailureReason.CANCELLED) {
            // the worker saw the call end first and recorded it as cancelled (cancelRequested was set)
            audit.recordSeparately(actor, auditAction, now.roomId, now.number, AuditEvent.Outcome.OK,
                    Map.of("attempt", id, "number", now.number));
            return now;
        }
        throw refused(actor, auditAction, now.roomId, now.number, id, new ConflictException("attempt " + id + " finished meanwhile: "
                + now.state() + (now.failureReason() == null ? "" : " " + now.failureReason())));
    }

    private Optional<CallAttempt> cancelInDatabase(CallAttempt a, String actor, String auditAction, String channel) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<CallAttempt> changed = progress.applyInCurrent(a.id, "cancelled by " + actor, AttemptChanges.cancelled(actor));
            changed.ifPresent(c -> {
                tracker.get(c.id).ifPresent(t -> t.finished(true));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("attempt", c.id);
                details.put("number", c.number);
                details.put("hungUp", channel);
                audit.record(actor, auditAction, c.roomId, c.number, AuditEvent.Outcome.OK, details);
            });
            return changed;
        });
    }

    private void hangUp(CallAttempt a, String channel, String actor, String auditAction, TrackedCall call) {
        Duration timeout = settings.current().actionTimeout();
        try {
            connection.client().send(Hangup.of(channel), timeout).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AmiErrorResponseException refusal
                    && refusal.asteriskMessage().toLowerCase(Locale.ROOT).contains("no such channel")) {
                return; // gone already: nothing rings any more
            }
            throw hangupFailed(a, channel, actor, auditAction, call, e.getCause() instanceof AmiErrorResponseException refusal
                    ? "Asterisk refused the hangup of " + channel + ": " + refusal.asteriskMessage()
                    : "the hangup of " + channel + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw hangupFailed(a, channel, actor, auditAction, call, "no answer from the PBX to the hangup of " + channel, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw hangupFailed(a, channel, actor, auditAction, call, "interrupted while hanging up " + channel, e);
        } catch (PbxCommandException e) {
            throw hangupFailed(a, channel, actor, auditAction, call, e.getMessage(), e);
        }
    }

    private PbxCommandException hangupFailed(CallAttempt a, String channel, String actor, String auditAction, TrackedCall call,
            String message, Throwable cause) {
        call.cancelRequested(false);
        audit.recordSeparately(actor, auditAction, a.roomId, a.number, AuditEvent.Outcome.FAILED,
                Map.of("attempt", a.id, "channel", channel, "error", message));
        return new PbxCommandException(message, cause);
    }

    private <E extends RuntimeException> E refused(String actor, String auditAction, Long roomId, String target, UUID id, E e) {
        audit.recordSeparately(actor, auditAction, roomId, target, AuditEvent.Outcome.REFUSED,
                Map.of("attempt", id, "refused", e.getMessage()));
        return e;
    }

    private static String kindName(AttemptKind kind) {
        return kind == AttemptKind.INVITE ? "invitation" : "click-to-call";
    }
}
