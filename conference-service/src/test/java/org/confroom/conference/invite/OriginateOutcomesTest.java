package org.confroom.conference.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.AmiTimeoutException;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.event.OriginateResponseEvent;
import org.confroom.conference.invite.OriginateOutcomes.Outcome;
import org.junit.jupiter.api.Test;

class OriginateOutcomesTest {
    private static OriginateResponseEvent response(String result, int reason) {
        return new OriginateResponseEvent(AmiMessage.of("Event", "OriginateResponse", "Response", result,
                "Reason", String.valueOf(reason), "Channel", "Local/1001@phones"));
    }

    @Test
    void responsesAreCountedByTheirReason() {
        OriginateOutcomes o = new OriginateOutcomes();
        assertThat(o.record(response("Success", 4), null)).isEqualTo(Outcome.ANSWERED);
        assertThat(o.record(response("Failure", 5), null)).isEqualTo(Outcome.BUSY);
        assertThat(o.record(response("Failure", 8), null)).isEqualTo(Outcome.CONGESTION);
        assertThat(o.record(response("Failure", 3), null)).isEqualTo(Outcome.NO_ANSWER);
        assertThat(o.record(response("Failure", 0), null)).isEqualTo(Outcome.NO_ROUTE);
        assertThat(o.record(response("Failure", 5), null)).isEqualTo(Outcome.BUSY);
        assertThat(o.count(Outcome.BUSY)).isEqualTo(2);
        assertThat(o.count(Outcome.ANSWERED)).isEqualTo(1);
        assertThat(o.count(Outcome.FAILED)).isZero();
        assertThat(o.counts()).containsKeys(Outcome.values()).containsEntry(Outcome.NO_ROUTE, 1L);
    }

    @Test
    void failuresAreNotSentRefusedOrUnknown() {
        OriginateOutcomes o = new OriginateOutcomes();
        assertThat(o.record(null, new CompletionException(new AmiNotConnectedException("down")))).isEqualTo(Outcome.NOT_SENT);
        assertThat(o.record(null, new AmiErrorResponseException("Originate",
                AmiMessage.of("Response", "Error", "Message", "Extension does not exist.")))).isEqualTo(Outcome.FAILED);
        assertThat(o.record(null, new IllegalArgumentException("bad dial string"))).isEqualTo(Outcome.FAILED);
        assertThat(o.record(null, new AmiTimeoutException("Originate", "7", Duration.ofSeconds(1)))).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.NO_ANSWER.label()).isEqualTo("no_answer");
    }
}
