package org.confroom.ami.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The state of one simulated Asterisk process: channels, bridges, conferences, the event bus, and the single
 * PBX thread on which every change happens (actions, timers), so events come out in one well-defined order.
 * A restart makes a new {@code Pbx}: all state is gone.
 */
final class Pbx implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Pbx.class.getName());

    final SimTiming timing;
    final EventBus bus = new EventBus();
    final ChannelRegistry channels;
    /** Shared by every Pbx of one simulator: what Originates with a ChannelId did. */
    final OriginateLedger originates;
    final Map<String, ConferenceRoom> conferences = new LinkedHashMap<>();
    final List<Bridge> bridges = new ArrayList<>();
    final Instant startedAt = Instant.now();
    final CallEvents events;
    final ManagerConf managerConf;
    final Hangups hangups = new Hangups(this);
    final ConfBridgeApp confbridge = new ConfBridgeApp(this);
    final LocalCall localCalls = new LocalCall(this);
    final DialplanRunner dialplan = new DialplanRunner(this);
    /** false between a restart and the boot-time FullyBooted (27) */
    volatile boolean booted = true;
    private final ScheduledExecutorService thread;
    /** Null in real-time mode; else the virtual clock of every delayed task. */
    private final ManualClock manualClock;
    private volatile Thread pbxThread;

    Pbx(SimTiming timing, int firstChannelSequence, ManagerConf managerConf, boolean manualClock, OriginateLedger originates) {
        this.timing = timing;
        this.originates = originates;
        this.manualClock = manualClock ? new ManualClock() : null;
        this.managerConf = managerConf;
        this.channels = new ChannelRegistry(firstChannelSequence, startedAt.getEpochSecond(), originates);
        this.events = new CallEvents(bus);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ami-sim-pbx");
            t.setDaemon(true);
            pbxThread = t;
            return t;
        });
    }

    long now() {
        return System.currentTimeMillis();
    }

    /** Runs a task on the PBX thread. */
    void execute(Runnable task) {
        thread.execute(guarded(task));
    }

    /** Runs a task on the PBX thread after a delay multiplied by the time scale. */
    void schedule(Duration delay, Runnable task) {
        scheduleMillis(timing.scaledMillis(delay), task);
    }

    /** Runs a task on the PBX thread after a delay that is not scaled. */
    void scheduleMillis(long millis, Runnable task) {
        if (millis <= 0) {
            execute(task);
        } else if (manualClock != null) {
            Runnable set = () -> manualClock.schedule(millis, guarded(task));
            if (Thread.currentThread() == pbxThread) {
                set.run(); // a timer set by a timer must be seen by the advance that runs it
            } else {
                execute(set);
            }
        } else if (!thread.isShutdown()) {
            thread.schedule(guarded(task), millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Moves the virtual clock forward and runs every timer that falls due, in time order, on the PBX
     * thread; returns when they, and what they queued to run at once, have run. Manual clock mode only.
     *
     * @return timers still waiting after the advance
     */
    int advance(Duration by) {
        if (manualClock == null) {
            throw new IllegalStateException("the simulator runs in real time; start it with SimConfig.Builder.manualClock(true)");
        }
        long target = call(manualClock::now) + by.toMillis();
        boolean ran;
        do {
            ran = call(() -> manualClock.runUntil(target));
            call(() -> null); // the tasks the timers handed to execute() run before this returns
        } while (ran);
        return call(manualClock::pending);
    }

    /** Runs a computation on the PBX thread and waits for it (for controls and tests). */
    <T> T call(Callable<T> task) {
        Future<T> f = thread.submit(task);
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the PBX thread", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("PBX task failed: " + e.getMessage(), e);
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "PBX task failed", e);
            }
        };
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
