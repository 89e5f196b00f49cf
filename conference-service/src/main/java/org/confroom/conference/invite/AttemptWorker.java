package org.confroom.conference.invite;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The one thread that changes attempts in reaction to the PBX: dispatch rounds, Originate outcomes,
 * AMI events and reconciliation run here one after the other, in the order they were handed over, so
 * the AMI event thread never waits for the database and the events of one call are applied in the
 * order Asterisk sent them. Each task uses short transactions of its own.
 */
@ApplicationScoped
public class AttemptWorker {
    private static final System.Logger LOG = System.getLogger(AttemptWorker.class.getName());

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "confroom-attempts");
        t.setDaemon(true);
        return t;
    });

    /** Runs a task on the worker thread; a task that fails is logged and does not stop the worker. */
    public void execute(String what, Runnable task) {
        try {
            executor.execute(guarded(what, task));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, () -> "attempt worker stopped; dropped: " + what);
        }
    }

    /** Runs a task on the worker thread after a delay. */
    public void schedule(String what, Duration delay, Runnable task) {
        try {
            executor.schedule(guarded(what, task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, () -> "attempt worker stopped; dropped: " + what);
        }
    }

    /** Runs a task on the worker thread at a fixed delay between runs. */
    public void every(String what, Duration interval, Runnable task) {
        long ms = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(guarded(what, task), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Stops before the PBX connection closes, so that its failures are left to the reconciliation at next start. */
    void stop(@Observes @Priority(10) ShutdownEvent e) {
        executor.shutdownNow();
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "attempt worker: " + what + " failed: " + e, e);
            }
        };
    }
}
