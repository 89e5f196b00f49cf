package org.confroom.conference.live;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Subscribers of a stream of changes. {@link #publish} only queues: each subscriber has its own bounded
 * queue, drained in order on an executor, so neither the publisher (the AMI event thread) nor the other
 * subscribers wait for a slow one. When a subscriber's queue would exceed its capacity, its queued
 * changes are dropped and replaced by one notice ({@code overflowNotice}, given the number dropped, which
 * includes the changes of an earlier notice still queued, so every change is delivered or counted once);
 * a subscriber thus holds at most {@code capacity} changes however long it is stalled;
 * a failing subscriber is logged and stays subscribed.
 *
 * @param <T> the change type
 */
public final class ListenerRegistry<T> {
    private static final System.Logger LOG = System.getLogger(ListenerRegistry.class.getName());

    private final String name;
    private final Executor executor;
    private final int capacity;
    private final LongFunction<? extends T> overflowNotice;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /**
     * @param name for log messages
     * @param executor runs the deliveries
     * @param capacity queued changes per subscriber before it counts as lagging
     * @param overflowNotice builds the notice that replaces dropped changes
     */
    public ListenerRegistry(String name, Executor executor, int capacity, LongFunction<? extends T> overflowNotice) {
        this.name = Objects.requireNonNull(name, "name");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.capacity = capacity;
        this.overflowNotice = Objects.requireNonNull(overflowNotice, "overflowNotice");
    }

    /**
     * @param listener called with each change, in order, never on the publisher's thread
     * @return a handle that ends the subscription
     */
    public Subscription subscribe(Consumer<? super T> listener) {
        Subscriber s = new Subscriber(Objects.requireNonNull(listener, "listener"));
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    /** @param changes queued for every subscriber, in this order */
    public void publish(List<? extends T> changes) {
        if (changes.isEmpty()) {
            return;
        }
        for (Subscriber s : subscribers) {
            s.offer(changes);
        }
    }

    /** @return the number of subscribers */
    public int size() {
        return subscribers.size();
    }

    /** Ends a subscription. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        /** Stops deliveries (one already running may finish); idempotent. */
        @Override
        void close();
    }

    private final class Subscriber {
        private final Consumer<? super T> listener;
        private final ArrayDeque<T> queue = new ArrayDeque<>();
        private boolean draining;
        /** The overflow notice waiting in the queue (always at its head), and how many changes it reports. */
        private T notice;
        private long droppedInNotice;

        Subscriber(Consumer<? super T> listener) {
            this.listener = listener;
        }

        void offer(List<? extends T> changes) {
            boolean start;
            synchronized (this) {
                if (queue.size() + changes.size() > capacity) {
                    // the notice still queued from an earlier overflow counts what it stood for, not 1
                    long queuedChanges = queue.size() - (notice == null ? 0 : 1);
                    long dropped = droppedInNotice + queuedChanges + changes.size();
                    boolean firstOverflow = notice == null;
                    queue.clear();
                    notice = overflowNotice.apply(dropped);
                    droppedInNotice = dropped;
                    queue.add(notice);
                    if (firstOverflow) { // once per stall, not once per publish while it lasts
                        LOG.log(Level.WARNING, name + ": a subscriber lags behind, " + dropped + " changes dropped");
                    }
                } else {
                    queue.addAll(changes);
                }
                start = !draining;
                draining = true;
            }
            if (start) {
                executor.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                T next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        draining = false;
                        return;
                    }
                    if (next == notice) {
                        notice = null;
                        droppedInNotice = 0;
                    }
                }
                if (!subscribers.contains(this)) {
                    continue;
                }
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, name + ": subscriber " + listener + " failed on " + next, e);
                }
            }
        }
    }
}
