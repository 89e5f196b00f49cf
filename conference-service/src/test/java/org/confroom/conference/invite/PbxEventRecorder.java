package org.confroom.conference.invite;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.TcpAmiClient;
import org.confroom.ami.event.AmiEvent;
import org.confroom.conference.testsupport.AmiSimTestResource;

/**
 * A second AMI session (as {@code admin}) on the simulator that records every call event, so a test can
 * count what the PBX really did, for example how many channels were created with an attempt's id as
 * Uniqueid (one per Originate that reached the PBX).
 */
final class PbxEventRecorder implements AutoCloseable {
    private final AmiClient client;
    private final List<AmiEvent> events = new CopyOnWriteArrayList<>();

    PbxEventRecorder() throws Exception {
        client = new TcpAmiClient(AmiClientConfig.builder(AmiSimTestResource.host(), AmiSimTestResource.port())
                .credentials(AmiSimTestResource.adminUser(), AmiSimTestResource.adminSecret()).eventMask("call").name("test-recorder").build());
        client.addListener(events::add);
        client.connect().get(10, TimeUnit.SECONDS);
    }

    /** @return how many events of this name carried this Uniqueid */
    long count(String eventName, String uniqueid) {
        return events.stream().filter(e -> e.name().equals(eventName) && uniqueid.equals(e.text("Uniqueid"))).count();
    }

    /** Waits until an event of this name with this Uniqueid was recorded. */
    void await(String eventName, String uniqueid, Duration timeout) throws InterruptedException {
        Awaits.until(() -> count(eventName, uniqueid) > 0, timeout, eventName + " of " + uniqueid);
    }

    @Override
    public void close() {
        client.close();
    }
}
