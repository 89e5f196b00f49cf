package org.confroom.conference.pbx;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.Originate;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.event.OriginateResponseEvent;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.config.ConfroomConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends domain commands to the PBX as AMI actions, each with a timeout, and reports every failure as a
 * {@link PbxCommandException} whose message an operator can act on:
 *
 * <ul>
 * <li>Asterisk refused ({@code Response: Error}): the message is Asterisk's own, for example
 *     {@code No Conference by that name found.} ({@link PbxFailure#REFUSED});</li>
 * <li>not connected: {@code PBX not connected: <action> was not sent ...} ({@link PbxFailure#NOT_CONNECTED});</li>
 * <li>timeout or connection lost after sending: {@code ... outcome unknown, it may have been carried out}
 *     ({@link PbxFailure#OUTCOME_UNKNOWN}); such a command is never re-sent.</li>
 * </ul>
 *
 * {@link PbxFailure#of(Throwable)} tells the kinds apart (for audit outcomes), {@link PbxFailure#asteriskMessage}
 * extracts Asterisk's text. Generic on purpose: moderation, merges, live state and invitations use it alike.
 */
@ApplicationScoped
public class PbxGateway {
    /** Extra wait beyond the action timeout before a blocking call gives up on the client's own timeout. */
    private static final Duration GUARD = Duration.ofSeconds(5);

    @Inject
    PbxConnection connection;

    @Inject
    ConfroomConfig config;

    /** @return true when the PBX connection is logged in and can take actions */
    public boolean ready() {
        return connection.ready();
    }

    /** @return the default action timeout ({@code confroom.pbx.action-timeout}) */
    public Duration defaultTimeout() {
        return config.pbx().actionTimeout();
    }

    /**
     * Sends an action and waits for its (complete) response, with the default timeout.
     *
     * @throws PbxCommandException when Asterisk refuses, the PBX is not connected or the outcome is unknown
     */
    public AmiResponse send(AmiAction action) {
        return send(action, defaultTimeout());
    }

    /**
     * Sends an action and waits for its (complete) response.
     *
     * @param timeout how long Asterisk may take to answer
     * @throws PbxCommandException when Asterisk refuses, the PBX is not connected or the outcome is unknown
     */
    public AmiResponse send(AmiAction action, Duration timeout) {
        return await(action.name(), sendAsync(action, timeout), timeout);
    }

    /**
     * Sends an action without waiting.
     *
     * @return the response; fails with {@link PbxCommandException} (never a raw AMI exception). Completes
     *     on the AMI I/O thread: continue with the {@code *Async} variants for anything slow.
     */
    public CompletableFuture<AmiResponse> sendAsync(AmiAction action, Duration timeout) {
        CompletableFuture<AmiResponse> sent;
        try {
            sent = connection.client().send(action, timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(PbxFailure.toCommandException(action.name(), e, timeout));
        }
        return mapFailure(action.name(), sent, timeout);
    }

    /**
     * Sends an asynchronous Originate and waits, without blocking, for its {@code OriginateResponse}.
     *
     * @param timeout how long to wait for the OriginateResponse (more than the Originate's own ring timeout)
     * @return the OriginateResponse (success or failure of the call); fails with {@link PbxCommandException}
     *     when the action itself was refused, not sent, or its outcome is unknown
     */
    public CompletableFuture<OriginateResponseEvent> originate(Originate originate, Duration timeout) {
        CompletableFuture<OriginateResponseEvent> sent;
        try {
            sent = connection.client().originate(originate, timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(PbxFailure.toCommandException("Originate", e, timeout));
        }
        return mapFailure("Originate", sent, timeout);
    }

    private static <T> CompletableFuture<T> mapFailure(String action, CompletableFuture<T> sent, Duration timeout) {
        CompletableFuture<T> out = new CompletableFuture<>();
        sent.whenComplete((value, failure) -> {
            if (failure == null) {
                out.complete(value);
            } else {
                out.completeExceptionally(PbxFailure.toCommandException(action, failure, timeout));
            }
        });
        return out;
    }

    private static <T> T await(String action, CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.plus(GUARD).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw PbxFailure.toCommandException(action, e.getCause(), timeout);
        } catch (TimeoutException e) {
            throw new PbxCommandException("no answer from the PBX to " + action + " within "
                    + timeout.plus(GUARD).toMillis() + " ms: outcome unknown, it may have been carried out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PbxCommandException("interrupted while waiting for the PBX to answer " + action
                    + ": outcome unknown", e);
        }
    }
}
