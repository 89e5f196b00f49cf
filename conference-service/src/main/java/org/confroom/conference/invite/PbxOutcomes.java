package org.confroom.conference.invite;

import java.util.Locale;
import java.util.Optional;

import org.confroom.ami.event.OriginateResponseEvent;

/**
 * Asterisk's ways of saying why a call did not get through, mapped to {@link FailureReason}: the
 * {@code OriginateResponse} Reason code, the Q.850 cause of a {@code Hangup}, and the {@code DialStatus}
 * of a {@code DialEnd} (transcripts 11 and 26).
 */
public final class PbxOutcomes {
    private PbxOutcomes() {
    }

    /**
     * @param reason the OriginateResponse {@code Reason} of a failed originate
     * @return the failure; ERROR for codes without a meaning of their own
     */
    public static FailureReason fromOriginateReason(int reason) {
        return switch (reason) {
            case OriginateResponseEvent.REASON_NO_ROUTE -> FailureReason.NO_ROUTE;
            case OriginateResponseEvent.REASON_NO_ANSWER -> FailureReason.NO_ANSWER;
            case OriginateResponseEvent.REASON_BUSY -> FailureReason.BUSY;
            case OriginateResponseEvent.REASON_CONGESTION -> FailureReason.CONGESTION;
            case 1 -> FailureReason.REJECTED; // hung up while being set up
            default -> FailureReason.ERROR;
        };
    }

    /**
     * @param cause the Q.850 cause of the Hangup of a channel that never answered
     * @return the failure it stands for, empty when the cause says nothing specific
     */
    public static Optional<FailureReason> fromHangupCause(int cause) {
        return switch (cause) {
            case 17 -> Optional.of(FailureReason.BUSY);
            case 18, 19 -> Optional.of(FailureReason.NO_ANSWER);
            case 34, 38, 41, 42 -> Optional.of(FailureReason.CONGESTION);
            case 1, 3 -> Optional.of(FailureReason.NO_ROUTE);
            case 21 -> Optional.of(FailureReason.REJECTED);
            default -> Optional.empty();
        };
    }

    /**
     * @param dialStatus the {@code DialStatus} of a DialEnd
     * @return the failure, empty for {@code ANSWER} and unknown values
     */
    public static Optional<FailureReason> fromDialStatus(String dialStatus) {
        return switch (dialStatus.toUpperCase(Locale.ROOT)) {
            case "BUSY" -> Optional.of(FailureReason.BUSY);
            case "NOANSWER" -> Optional.of(FailureReason.NO_ANSWER);
            case "CONGESTION" -> Optional.of(FailureReason.CONGESTION);
            case "CHANUNAVAIL" -> Optional.of(FailureReason.NO_ROUTE);
            case "CANCEL" -> Optional.of(FailureReason.REJECTED);
            default -> Optional.empty();
        };
    }
}
