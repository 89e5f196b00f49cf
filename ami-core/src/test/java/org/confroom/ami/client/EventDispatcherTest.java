package org.confroom.ami.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.confroom.ami.client.TcpAmiClientTest.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.event.AmiEvent;
import org.junit.jupiter.api.Test;

/** The bounded event queue: what is dropped, where the gap is announced, what is never dropped. */
class EventDispatcherTest {

    private static AmiEvent event(int n) {
        return new AmiEvent(AmiMessage.of("Event", "VarSet", "Privilege", "dialplan,all", "Value", Integer.toString(n)));
    }

    /** Records deliveries as strings: "e<n>" for events, "lost<n>" for gaps. */
    private static final class Recorder implements AmiEventListener {
        final List<String> log = new CopyOnWriteArrayList<>();
        final CountDownLatch gate;

        Recorder(CountDownLatch gate) {
            this.gate = gate;
        }

        @Override
        public void onEvent(AmiEvent event) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.add("e" + event.text("Value"));
        }

        @Override
        public void onEventsLost(long lost, long totalLost) {
            log.add("lost" + lost);
        }
    }

    /** Fills a dispatcher of capacity 4 whose listener is blocked on the first event, then releases it. */
    private static List<String> run(OverflowPolicy policy, int events) throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        Recorder r = new Recorder(gate);
        try (EventDispatcher d = new EventDispatcher("test-events", 4, policy)) {
            d.addListener(r);
            d.offerEvent(event(0));
            await("first event taken", () -> d.depth() == 0);
            for (int i = 1; i < events; i++) {
                d.offerEvent(event(i));
            }
            gate.countDown();
            await("all accounted", () -> r.log.stream().filter(s -> s.startsWith("e")).count() + d.lostCount() == events
                    && r.log.stream().filter(s -> s.startsWith("lost")).mapToLong(s -> Long.parseLong(s.substring(4))).sum() == d.lostCount());
            return r.log;
        }
    }

    @Test
    void dropNewestKeepsTheQueuedEventsAndAnnouncesTheGapWhereItIs() throws Exception {
        List<String> log = run(OverflowPolicy.DROP_NEWEST, 10);
        // e0 was being delivered, e1..e4 were queued, e5..e9 were dropped: the gap follows e4
        assertThat(log).containsExactly("e0", "e1", "e2", "e3", "e4", "lost5");
    }

    @Test
    void dropOldestKeepsTheNewestEventsAndAnnouncesTheGapBeforeThem() throws Exception {
        List<String> log = run(OverflowPolicy.DROP_OLDEST, 10);
        assertThat(log).containsExactly("e0", "lost5", "e6", "e7", "e8", "e9");
    }

    @Test
    void gapBeforeALaterEventIsAnnouncedRightBeforeIt() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Recorder r = new Recorder(gate);
        try (EventDispatcher d = new EventDispatcher("test-events", 2, OverflowPolicy.DROP_NEWEST)) {
            d.addListener(r);
            d.offerEvent(event(0));
            await("first taken", () -> d.depth() == 0);
            d.offerEvent(event(1));
            d.offerEvent(event(2));
            d.offerEvent(event(3)); // dropped
            gate.countDown();
            await("drained", () -> r.log.size() == 3);
            d.offerEvent(event(4));
            await("after gap", () -> r.log.size() == 5);
        }
        assertThat(r.log).containsExactly("e0", "e1", "e2", "lost1", "e4");
    }

    @Test
    void connectionEventsAreNeverDroppedAndAFailingListenerDoesNotStopOthers() throws Exception {
        List<ConnectionEvent> seen = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        try (EventDispatcher d = new EventDispatcher("test-events", 1, OverflowPolicy.DROP_NEWEST)) {
            d.addListener(e -> {
                throw new IllegalStateException("listener bug");
            });
            d.addListener(e -> events.add(e.text("Value")));
            d.addConnectionListener(seen::add);
            for (int i = 0; i < 50; i++) {
                d.offerConnectionEvent(new ConnectionEvent(ConnectionState.READY, null, null, i));
                d.offerEvent(event(i));
            }
            await("connection events", () -> seen.size() == 50);
            await("events accounted", () -> events.size() + d.lostCount() == 50);
        }
        assertThat(seen).extracting(ConnectionEvent::attempt).isSorted();
    }
}
