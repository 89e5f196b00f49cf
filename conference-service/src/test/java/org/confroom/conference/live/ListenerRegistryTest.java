package org.confroom.conference.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unit: per-subscriber queues, a blocked subscriber, and what it is told after it fell behind. */
class ListenerRegistryTest {
    private static final int CAPACITY = 100;

    /** A change, or the notice that {@code dropped} changes were dropped. */
    private record Item(long value, boolean notice) {
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ListenerRegistry<Item> registry = new ListenerRegistry<>("test", executor, CAPACITY, n -> new Item(n, true));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aBlockedSubscriberHoldsUpNobodyAndIsToldExactlyHowManyChangesItMissed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        List<Item> slow = new ArrayList<>();
        registry.subscribe(item -> {
            blocked.countDown();
            await(release);
            synchronized (slow) {
                slow.add(item);
            }
        });
        List<Item> fast = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger fastCount = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch fastDone = new CountDownLatch(1);
        int total = 1_000;
        registry.subscribe(item -> {
            fast.add(item);
            if (fastCount.incrementAndGet() == total) {
                fastDone.countDown();
            }
        });

        registry.publish(List.of(new Item(0, false)));
        assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        long publishStart = System.nanoTime();
        for (int i = 1; i < total; i++) {
            registry.publish(List.of(new Item(i, false)));
            while (fastCount.get() < i - CAPACITY / 2) {
                Thread.onSpinWait(); // the fast subscriber keeps up (its delivery thread may start late)
            }
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishStart)).as("publish never waits for the blocked one")
                .isLessThan(5_000);
        assertThat(fastDone.await(5, TimeUnit.SECONDS)).as("the other subscriber got every change").isTrue();
        assertThat(fast).extracting(Item::value).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, total).boxed().toList());

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && sum(slow) < total) {
            Thread.sleep(10);
        }
        synchronized (slow) {
            // at most the queue's capacity (plus the one in hand and the notice) was kept for it
            assertThat(slow.size()).isLessThanOrEqualTo(CAPACITY + 2);
            assertThat(slow.get(0)).isEqualTo(new Item(0, false));
            assertThat(slow.get(1).notice()).as("the first thing after the stall is the notice").isTrue();
            assertThat(slow.stream().filter(Item::notice).count()).isEqualTo(1);
            // every change is either delivered or counted in the notice, across repeated overflows
            assertThat(sum(slow)).isEqualTo(total);
            List<Long> after = slow.subList(2, slow.size()).stream().map(Item::value).toList();
            assertThat(after).isSorted().last().isEqualTo((long) total - 1);
        }
    }

    private static long sum(List<Item> items) {
        synchronized (items) {
            return items.stream().mapToLong(i -> i.notice() ? i.value() : 1).sum();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
