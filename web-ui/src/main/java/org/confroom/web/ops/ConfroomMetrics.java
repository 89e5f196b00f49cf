package org.confroom.web.ops;

import java.util.function.ToDoubleFunction;

import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.ClientStats;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.invite.OriginateOutcomes;
import org.confroom.conference.live.LiveRoom;
import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.merge.LiveCalls;
import org.confroom.conference.pbx.PbxConnection;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * confroom's own metrics on {@code /q/metrics}, all read from state that exists anyway (no bookkeeping
 * on the event path): Originates by outcome, AMI events received and lost, the AMI client's event queue,
 * live rooms, members and two-party calls, the AMI connection.
 */
@ApplicationScoped
public class ConfroomMetrics {
    @Inject
    MeterRegistry registry;

    @Inject
    PbxConnection connection;

    @Inject
    OriginateOutcomes originates;

    @Inject
    LiveRooms liveRooms;

    @Inject
    LiveCalls liveCalls;

    void register(@Observes StartupEvent e) {
        for (OriginateOutcomes.Outcome o : OriginateOutcomes.Outcome.values()) {
            FunctionCounter.builder("confroom.originates", originates, x -> x.count(o))
                    .description("Originates of call attempts by how they ended").tag("outcome", o.label())
                    .register(registry);
        }
        FunctionCounter.builder("confroom.ami.events.received", this, m -> m.stat(ClientStats::eventsReceived))
                .description("AMI events read from the PBX connection").register(registry);
        FunctionCounter.builder("confroom.ami.events.lost", this, m -> m.stat(ClientStats::eventsLost))
                .description("AMI events dropped because the listeners fell behind").register(registry);
        Gauge.builder("confroom.ami.event.queue.depth", this, m -> m.stat(ClientStats::eventQueueDepth))
                .description("AMI events waiting for the listeners").register(registry);
        FunctionCounter.builder("confroom.ami.connects", this, m -> m.stat(ClientStats::connects))
                .description("Successful AMI logins (first connect and reconnects)").register(registry);
        Gauge.builder("confroom.ami.connected", connection, c -> c.ready() ? 1 : 0)
                .description("1 while logged in to the PBX").register(registry);
        Gauge.builder("confroom.rooms.active", liveRooms, l -> l.snapshot().rooms().size())
                .description("Live conferences on the PBX").register(registry);
        Gauge.builder("confroom.room.members", liveRooms,
                l -> l.snapshot().rooms().values().stream().mapToInt(LiveRoom::memberCount).sum())
                .description("Members in live conferences (joining ones not counted)").register(registry);
        Gauge.builder("confroom.calls.live", liveCalls, c -> c.calls().size())
                .description("Live two-party calls").register(registry);
    }

    /** @return a client statistic, 0 while there is no client (PBX disabled or stopping) */
    private double stat(ToDoubleFunction<ClientStats> value) {
        try {
            AmiClient c = connection.client();
            return value.applyAsDouble(c.stats());
        } catch (PbxCommandException e) {
            return 0;
        }
    }
}
