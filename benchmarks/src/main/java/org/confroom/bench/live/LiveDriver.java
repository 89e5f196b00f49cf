package org.confroom.bench.live;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.confroom.ami.action.Originate;
import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.TcpAmiClient;

/**
 * Fills the simulator's conferences as a {@link LivePlan} says, over an admin session of its own that
 * receives no events: one asynchronous Originate per member, pipelined (at most {@value #IN_FLIGHT}
 * unanswered), paced so that the events written to the measured client stay at the given rate.
 */
public final class LiveDriver implements AutoCloseable {
    /** Originates sent and not yet answered, at most. */
    static final int IN_FLIGHT = 64;

    private final AmiClient admin;

    /** Connects as {@code admin} with {@code Events: off}. */
    public LiveDriver(int port) {
        admin = new TcpAmiClient(AmiClientConfig.builder("127.0.0.1", port).credentials("admin", "admin-secret")
                .eventMask("off").reconnect(false).keepaliveInterval(Duration.ZERO).name("live-driver").build());
        admin.connect().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * Sends every join of the plan.
     *
     * @param eventsWritten events written to the measured client so far
     * @param eventsPerSecond the pace; 0 sends as fast as the simulator answers
     * @return how long sending took, in nanoseconds
     */
    public long run(LivePlan plan, LongSupplier eventsWritten, int eventsPerSecond) throws InterruptedException {
        List<LivePlan.Join> joins = plan.joins();
        Semaphore window = new Semaphore(IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long base = eventsWritten.getAsLong();
        long start = System.nanoTime();
        for (LivePlan.Join j : joins) {
            if (eventsPerSecond > 0) {
                // the events this join causes come after its Originate: send it while the budget is not spent
                while ((eventsWritten.getAsLong() - base) * 1_000_000_000L > (System.nanoTime() - start) * eventsPerSecond) {
                    LockSupport.parkNanos(100_000);
                }
            }
            window.acquire();
            if (failure.get() != null) {
                throw new IllegalStateException("an Originate failed: " + failure.get().getMessage(), failure.get());
            }
            Originate o = Originate.builder("Local/" + j.phone() + "@phones").dialplan("confbridge-quiet", j.room(), 1)
                    .callerId("\"Member " + j.phone() + "\" <" + j.phone() + ">").async(true).build();
            CompletableFuture<?> sent = admin.send(o, Duration.ofSeconds(30));
            sent.whenComplete((r, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                window.release();
            });
        }
        window.acquire(IN_FLIGHT);
        window.release(IN_FLIGHT);
        if (failure.get() != null) {
            throw new IllegalStateException("an Originate failed: " + failure.get().getMessage(), failure.get());
        }
        return System.nanoTime() - start;
    }

    /** @return the driver's session, for other actions */
    public AmiClient client() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
    }
}
