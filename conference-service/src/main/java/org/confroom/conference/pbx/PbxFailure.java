package org.confroom.conference.pbx;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.AmiTimeoutException;
import org.confroom.ami.codec.AmiEncodingException;
import org.confroom.conference.PbxCommandException;

/**
 * What went wrong with a command sent to the PBX, and the sentence an operator reads. Built from the
 * ami-core failure; {@link #of(Throwable)} also classifies a {@link PbxCommandException} by its cause,
 * so callers can audit a refusal apart from a lost connection.
 */
public enum PbxFailure {
    /** Asterisk answered {@code Response: Error}: the command was processed and refused; the outcome is known. */
    REFUSED,
    /** Nothing was sent: the PBX is not connected (or disabled); safe to retry. */
    NOT_CONNECTED,
    /** Sent, but no answer came (timeout or connection lost): Asterisk may or may not have carried it out. */
    OUTCOME_UNKNOWN,
    /** The command was refused before sending (a value the encoder will not put on the wire). */
    INVALID,
    /** Anything else (a bug or an unexpected library failure). */
    INTERNAL;

    /** @return the kind of a failure, looking through completion wrappers and a {@link PbxCommandException} */
    public static PbxFailure of(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof PbxCommandException && t.getCause() != null) {
            t = unwrap(t.getCause());
        }
        if (t instanceof AmiErrorResponseException) {
            return REFUSED;
        }
        if (t instanceof AmiNotConnectedException) {
            return NOT_CONNECTED;
        }
        if (t instanceof AmiTimeoutException || t instanceof AmiOutcomeUnknownException
                || t instanceof TimeoutException || t instanceof InterruptedException) {
            return OUTCOME_UNKNOWN;
        }
        if (t instanceof AmiEncodingException || t instanceof IllegalArgumentException) {
            return INVALID;
        }
        if (t instanceof PbxCommandException) {
            // thrown by PbxConnection.client() when no PBX is configured
            return NOT_CONNECTED;
        }
        return INTERNAL;
    }

    /**
     * @return Asterisk's own {@code Message:} text when the failure is a refusal, for example
     *     {@code No Conference by that name found.}
     */
    public static Optional<String> asteriskMessage(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof PbxCommandException && t.getCause() != null) {
            t = unwrap(t.getCause());
        }
        return t instanceof AmiErrorResponseException e ? Optional.of(e.asteriskMessage()) : Optional.empty();
    }

    /**
     * Turns an AMI failure into the exception the services throw.
     *
     * @param action the AMI action name, for the message
     * @param failure what the AMI client reported
     * @param timeout the action timeout that applied
     * @return a {@link PbxCommandException} whose message says what happened and whether it may have been done
     */
    public static PbxCommandException toCommandException(String action, Throwable failure, Duration timeout) {
        Throwable t = unwrap(failure);
        if (t instanceof PbxCommandException p) {
            return p;
        }
        String message = switch (of(t)) {
            case REFUSED -> ((AmiErrorResponseException) t).asteriskMessage();
            case NOT_CONNECTED -> "PBX not connected: " + action + " was not sent (" + t.getMessage() + ")";
            case OUTCOME_UNKNOWN -> t instanceof AmiTimeoutException
                    ? "no answer from the PBX to " + action + " within " + timeout.toMillis()
                            + " ms: outcome unknown, it may have been carried out"
                    : "connection to the PBX was lost after " + action
                            + " was sent: outcome unknown, it may have been carried out";
            case INVALID -> action + " was not sent: " + t.getMessage();
            case INTERNAL -> action + " failed: " + t;
        };
        return new PbxCommandException(message, t);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
