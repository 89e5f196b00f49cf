package org.confroom.conference.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiNotConnectedException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.AmiTimeoutException;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.conference.PbxCommandException;
import org.junit.jupiter.api.Test;

/** How AMI failures become the messages operators read. */
class PbxFailureTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void refusalCarriesAsterisksOwnMessage() {
        AmiErrorResponseException refused = new AmiErrorResponseException("ConfbridgeKick",
                AmiMessage.of("Response", "Error", "Message", "No Conference by that name found."));
        PbxCommandException e = PbxFailure.toCommandException("ConfbridgeKick", new CompletionException(refused), TEN_SECONDS);
        assertThat(e).hasMessage("No Conference by that name found.").hasCause(refused);
        assertThat(PbxFailure.of(e)).isEqualTo(PbxFailure.REFUSED);
        assertThat(PbxFailure.asteriskMessage(e)).contains("No Conference by that name found.");
    }

    @Test
    void notConnectedSaysNothingWasSent() {
        PbxCommandException e = PbxFailure.toCommandException("ConfbridgeLock",
                new AmiNotConnectedException("client is RECONNECTING"), TEN_SECONDS);
        assertThat(e.getMessage()).startsWith("PBX not connected: ConfbridgeLock was not sent");
        assertThat(PbxFailure.of(e)).isEqualTo(PbxFailure.NOT_CONNECTED);
        assertThat(PbxFailure.asteriskMessage(e)).isEmpty();
    }

    @Test
    void timeoutAndLostConnectionSayTheOutcomeIsUnknown() {
        PbxCommandException timeout = PbxFailure.toCommandException("Redirect",
                new AmiTimeoutException("Redirect", "7", TEN_SECONDS), TEN_SECONDS);
        assertThat(timeout.getMessage()).isEqualTo(
                "no answer from the PBX to Redirect within 10000 ms: outcome unknown, it may have been carried out");
        PbxCommandException lost = PbxFailure.toCommandException("Redirect",
                new AmiOutcomeUnknownException("Redirect", "8", null), TEN_SECONDS);
        assertThat(lost.getMessage()).contains("connection to the PBX was lost after Redirect was sent: outcome unknown");
        assertThat(PbxFailure.of(timeout)).isEqualTo(PbxFailure.OUTCOME_UNKNOWN);
        assertThat(PbxFailure.of(lost)).isEqualTo(PbxFailure.OUTCOME_UNKNOWN);
    }

    @Test
    void aPbxCommandExceptionIsPassedOnUnchanged() {
        PbxCommandException disabled = new PbxCommandException("no PBX connection (confroom.pbx.enabled is false)", null);
        assertThat(PbxFailure.toCommandException("Ping", disabled, TEN_SECONDS)).isSameAs(disabled);
        assertThat(PbxFailure.of(disabled)).isEqualTo(PbxFailure.NOT_CONNECTED);
    }
}
