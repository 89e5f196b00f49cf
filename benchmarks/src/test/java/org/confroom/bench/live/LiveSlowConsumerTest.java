package org.confroom.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.confroom.ami.action.ConfbridgeList;
import org.confroom.ami.action.ConfbridgeMute;
import org.confroom.ami.action.ConfbridgeUnmute;
import org.confroom.ami.action.Ping;
import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.confroom.ami.sim.SimTiming;
import org.confroom.conference.live.ListenerRegistry;
import org.confroom.conference.live.LiveChange;
import org.confroom.conference.live.StandaloneLive;
import org.junit.jupiter.api.Test;

/**
 * A slow consumer of the service's live state (LiveRooms over PbxConnection, the dialplan flood on): one
 * subscriber blocks on its first change while a 200-member room is muted and unmuted 110 times (22,000
 * member changes, twice the subscriber capacity). AMI actions through the same connection keep answering,
 * another subscriber gets every change, and the blocked one is left holding at most its capacity, then
 * told exactly how many changes it missed.
 */
class LiveSlowConsumerTest {
    private static final int MEMBERS = 200;
    private static final int TOGGLES = 110;
    /** LiveRooms' queue per subscriber. */
    private static final int CAPACITY = 10_000;

    @Test
    void aBlockedSubscriberHoldsUpNeitherActionsNorOtherSubscribers() throws Exception {
        LivePlan plan = new LivePlan(0, 0, MEMBERS);
        JoinStamps stamps = new JoinStamps();
        try (AmiSimulator sim = AmiSimulator.start(SimConfig.builder().port(0).timing(SimTiming.recorded().withScale(0)).build());
                StandaloneLive live = new StandaloneLive(LiveScale.config(sim.port(), "on"));
                LiveWatcher watcher = new LiveWatcher(live.rooms());
                LiveDriver driver = new LiveDriver(sim.port())) {
            sim.controls().observeWrites(stamps);
            watcher.awaitFresh(10_000);
            driver.run(plan, stamps::events, 0);
            watcher.awaitRooms(plan.expected(), 30_000);

            AtomicLong fastUpdates = new AtomicLong();
            AtomicLong fastDropped = new AtomicLong();
            ListenerRegistry.Subscription fast = live.rooms().subscribe(c -> {
                if (c instanceof LiveChange.MemberUpdated) {
                    fastUpdates.incrementAndGet();
                } else if (c instanceof LiveChange.ChangesDropped d) {
                    fastDropped.addAndGet(d.dropped());
                }
            });
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch blocked = new CountDownLatch(1);
            List<LiveChange> slow = new ArrayList<>();
            ListenerRegistry.Subscription slowSub = live.rooms().subscribe(c -> {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (slow) {
                    slow.add(c);
                }
            });

            List<Long> pingMicros = new ArrayList<>();
            for (int t = 0; t < TOGGLES; t++) {
                String room = LivePlan.BIG_ROOM;
                driver.client().send(t % 2 == 0 ? new ConfbridgeMute(room, "participants") : new ConfbridgeUnmute(room, "participants"));
                long start = System.nanoTime();
                live.gateway().send(new Ping(), Duration.ofSeconds(5));
                pingMicros.add((System.nanoTime() - start) / 1_000);
                if (t == 0) {
                    assertThat(blocked.await(10, TimeUnit.SECONDS)).as("the slow subscriber is stuck in its first change").isTrue();
                }
            }
            long start = System.nanoTime();
            int listed = live.gateway().send(new ConfbridgeList(LivePlan.BIG_ROOM), Duration.ofSeconds(5)).items().size();
            long listMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(listed).isGreaterThanOrEqualTo(MEMBERS);

            long expected = (long) TOGGLES * MEMBERS;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (fastUpdates.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(fastUpdates.get()).as("the other subscriber got every change").isEqualTo(expected);
            assertThat(fastDropped.get()).isZero();
            long maxPing = pingMicros.stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf("slow subscriber: %d changes, Ping max %.1f ms (p50 %.1f ms), ConfbridgeList of %d in %d ms%n",
                    expected, maxPing / 1e3, pingMicros.stream().sorted().toList().get(pingMicros.size() / 2) / 1e3, listed, listMillis);
            assertThat(maxPing).as("slowest Ping during the flood, µs").isLessThan(2_000_000);
            assertThat(listMillis).isLessThan(2_000);

            release.countDown();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (accounted(slow) < expected && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            synchronized (slow) {
                assertThat(slow.get(1)).as("after the stall it is told to start from a snapshot").isInstanceOf(LiveChange.ChangesDropped.class);
                assertThat(((LiveChange.ChangesDropped) slow.get(1)).snapshot().room(LivePlan.BIG_ROOM)).isPresent();
                assertThat(slow.stream().filter(c -> c instanceof LiveChange.ChangesDropped).count()).isEqualTo(1);
                assertThat(slow.size()).as("held for it while it was stuck: at most its capacity").isLessThanOrEqualTo(CAPACITY + 2);
                // the change in hand + the ones delivered + the ones counted as dropped = everything published
                assertThat(accounted(slow)).isEqualTo(expected);
            }
            fast.close();
            slowSub.close();
        }
    }

    /** @return member changes delivered (the first, blocked one included) or reported dropped */
    private static long accounted(List<LiveChange> slow) {
        synchronized (slow) {
            return slow.stream().mapToLong(c -> c instanceof LiveChange.ChangesDropped d ? d.dropped()
                    : c instanceof LiveChange.MemberUpdated ? 1 : 0).sum();
        }
    }
}
