package org.confroom.conference.invite;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.event.OriginateResponseEvent;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How the Originates of call attempts ended, counted since start (for metrics): the OriginateResponse
 * (answered, or the failure its Reason maps to), Asterisk's refusal, not sent, or outcome unknown.
 * Thread-safe.
 */
@ApplicationScoped
public class OriginateOutcomes {
    /** What became of one Originate. */
    public enum Outcome {
        /** OriginateResponse Success (Reason 4). */
        ANSWERED,
        /** Reason 5. */
        BUSY,
        /** Reason 8. */
        CONGESTION,
        /** Reason 3. */
        NO_ANSWER,
        /** Reason 0. */
        NO_ROUTE,
        /** Reason 1: hung up while being set up. */
        REJECTED,
        /** Asterisk refused the action, it could not be encoded, or another Reason code. */
        FAILED,
        /** Not written to the PBX (not connected); the attempt is queued again. */
        NOT_SENT,
        /** Sent, but the connection was lost or no response came in time; reconciled later. */
        UNKNOWN;

        /** @return the lower-case name, as a metric label */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<Outcome, AtomicLong> counts = new EnumMap<>(Outcome.class);

    public OriginateOutcomes() {
        for (Outcome o : Outcome.values()) {
            counts.put(o, new AtomicLong());
        }
    }

    /**
     * Counts the completion of an Originate's future.
     *
     * @return the outcome counted
     */
    public Outcome record(OriginateResponseEvent response, Throwable error) {
        Outcome o = classify(response, error);
        counts.get(o).incrementAndGet();
        return o;
    }

    /** @return how often each outcome was counted */
    public long count(Outcome outcome) {
        return counts.get(outcome).get();
    }

    /** @return every count, by outcome */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
        counts.forEach((k, v) -> out.put(k, v.get()));
        return Collections.unmodifiableMap(out);
    }

    /** @return the outcome of a completed Originate future (response or failure) */
    static Outcome classify(OriginateResponseEvent response, Throwable error) {
        if (error == null) {
            if (response.isSuccess()) {
                return Outcome.ANSWERED;
            }
            return switch (PbxOutcomes.fromOriginateReason(response.reason())) {
                case BUSY -> Outcome.BUSY;
                case CONGESTION -> Outcome.CONGESTION;
                case NO_ANSWER -> Outcome.NO_ANSWER;
                case NO_ROUTE -> Outcome.NO_ROUTE;
                case REJECTED -> Outcome.REJECTED;
                default -> Outcome.FAILED;
            };
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof AmiNotConnectedException) {
            return Outcome.NOT_SENT;
        }
        if (cause instanceof AmiErrorResponseException || !(cause instanceof AmiException)) {
            return Outcome.FAILED;
        }
        return Outcome.UNKNOWN;
    }
}
