package org.confroom.ami.sim;

import java.util.PriorityQueue;

/**
 * The deterministic clock mode of the PBX timers: a delayed task waits in this queue until a test
 * advances virtual time past it ({@link SimControls#advance}); tasks due at the same instant run in
 * the order they were scheduled. Touched only on the PBX thread.
 */
final class ManualClock {
    private record Timer(long due, long seq, Runnable task) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    void schedule(long delayMillis, Runnable task) {
        timers.add(new Timer(now + delayMillis, seq++, task));
    }

    /**
     * Runs the timers due up to {@code target} in time order (timers they set that fall due by then
     * run too), then leaves the clock at {@code target}.
     *
     * @return true when at least one timer ran
     */
    boolean runUntil(long target) {
        boolean ran = false;
        while (!timers.isEmpty() && timers.peek().due <= target) {
            Timer t = timers.poll();
            now = Math.max(now, t.due);
            t.task.run();
            ran = true;
        }
        now = Math.max(now, target);
        return ran;
    }

    /** @return virtual milliseconds since the PBX started */
    long now() {
        return now;
    }

    /** @return timers still waiting */
    int pending() {
        return timers.size();
    }
}
