package org.confroom.conference.pbx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.confroom.ami.client.ConnectionState;
import org.confroom.conference.testsupport.AmiSimTestResource;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The health check says connected and authenticated, or why not. */
@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class PbxHealthTest {
    @Inject
    PbxConnection pbx;

    @Test
    void saysConnectedOrWhyNotAndRecovers() throws InterruptedException {
        awaitTrue("connected", () -> pbx.health().up());
        PbxConnection.PbxHealth up = pbx.health();
        assertThat(up.state()).isEqualTo(ConnectionState.READY);
        assertThat(up.detail()).startsWith("connected and authenticated as ")
                .endsWith("@" + AmiSimTestResource.host() + ":" + AmiSimTestResource.port());

        assumeTrue(AmiSimTestResource.simulator() != null, "dropping connections needs the simulator");
        AmiSimTestResource.simulator().controls().dropAllConnections();
        awaitTrue("down with a reason", () -> !pbx.health().up() && pbx.health().detail().contains("closed"));
        assertThat(pbx.health().detail()).startsWith(pbx.health().state() + " (").contains("@127.0.0.1:");

        awaitTrue("recovered", () -> pbx.health().up());
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            Thread.sleep(5);
        }
    }
}
