package org.confroom.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.confroom.ami.sim.SimTiming;
import org.confroom.conference.live.StandaloneLive;
import org.junit.jupiter.api.Test;

/**
 * The live-state scale harness on a small plan, in this JVM: 100 rooms x 10 members plus one room of 200,
 * the dialplan flood on, paced at 20,000 events/s. Checks correctness only (no timing): the service's live
 * state ends equal to the simulator's (rooms, member counts), every join was stamped on both sides.
 */
class LiveScaleSmokeTest {
    @Test
    void liveStateFollowsTheSimulatorThroughTheFlood() throws Exception {
        LivePlan plan = new LivePlan(100, 10, 200);
        JoinStamps stamps = new JoinStamps();
        try (AmiSimulator sim = AmiSimulator.start(SimConfig.builder().port(0).timing(SimTiming.recorded().withScale(0)).build());
                StandaloneLive live = new StandaloneLive(LiveScale.config(sim.port(), "on"));
                LiveWatcher watcher = new LiveWatcher(live.rooms())) {
            sim.controls().observeWrites(stamps);
            watcher.awaitFresh(10_000);
            try (LiveDriver driver = new LiveDriver(sim.port())) {
                driver.run(plan, stamps::events, 20_000);
            }
            Map<String, Integer> seen = watcher.awaitRooms(plan.expected(), 30_000);

            Map<String, Integer> onPbx = new TreeMap<>();
            plan.expected().keySet().forEach(room -> onPbx.put(room, sim.controls().memberCount(room)));
            assertThat(sim.controls().conferenceCount()).isEqualTo(101);
            assertThat(seen).isEqualTo(onPbx).isEqualTo(new TreeMap<>(plan.expected()));
            assertThat(watcher.dropped()).isZero();
            assertThat(live.connection().client().stats().eventsLost()).isZero();
            // the flood really reached the client: 200 joins into one room set BRIDGEPEER 200 * 199 / 2 times
            assertThat(stamps.events()).isGreaterThan(19_900L + plan.members() * 10L);

            LiveScale.Lags lags = LiveScale.lags(stamps.joins(), watcher.joinTimes());
            assertThat(lags.matched()).isEqualTo(plan.members());
            assertThat(lags.negative()).isZero();
        }
    }
}
