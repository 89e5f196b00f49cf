package org.confroom.ami.client;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MalformedMessage;
import org.confroom.ami.event.AmiEvent;

/**
 * Hands events to listeners on its own thread, behind a bounded queue, so that listeners never run
 * on (or slow down) the I/O thread. When the queue is full the {@link OverflowPolicy} drops an
 * event; drops are counted and announced to listeners right before the first event after the gap.
 * Connection state changes travel on a separate unbounded queue and are never dropped.
 *
 * <p>One producer thread per dispatcher (the connection's reader) is assumed for {@code offer*}.
 *
 * <p>The queue is a ring under one lock. The {@code offer*} methods wake the event thread at once; the
 * client's reader queues events with {@link #queueEvent} and wakes the event thread once per
 * {@value #WAKE_EVERY} events and after each chunk of input ({@link #wakeConsumer}): waking a parked
 * thread for every single event cost more than decoding the event.
 */
public final class EventDispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());
    private static final Object WAKE = new Object();
    /** Events the reader may queue before it wakes a waiting event thread. */
    static final int WAKE_EVERY = 64;

    /** An item that follows a gap of dropped events. */
    private record AfterGap(long lost, Object item) {
    }

    // the bounded queue: a ring guarded by lock
    private final Object[] ring;
    private int head;
    private int tail;
    private int count;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private volatile boolean consumerWaiting;
    private int unwoken; // producer thread only
    private final ConcurrentLinkedQueue<ConnectionEvent> connectionEvents = new ConcurrentLinkedQueue<>();
    private final OverflowPolicy policy;
    private final List<AmiEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong gap = new AtomicLong();
    private final AtomicLong headGap = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param name thread name
     * @param capacity queue bound
     * @param policy what to drop when full
     */
    public EventDispatcher(String name, int capacity, OverflowPolicy policy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.ring = new Object[capacity];
        this.policy = Objects.requireNonNull(policy, "policy");
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** @return a handle that removes the listener */
    public AmiClient.Subscription addListener(AmiEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** @return a handle that removes the listener */
    public AmiClient.Subscription addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> connectionListeners.remove(listener);
    }

    /** Queues an event; never blocks. */
    public void offerEvent(AmiEvent event) {
        offerItem(event);
        wakeConsumer();
    }

    /**
     * Queues an event like {@link #offerEvent} but wakes the event thread only every {@value #WAKE_EVERY}
     * events; the producer calls {@link #wakeConsumer} when its current chunk of input is done.
     */
    void queueEvent(AmiEvent event) {
        offerItem(event);
        if (++unwoken >= WAKE_EVERY) {
            wakeConsumer();
        }
    }

    /**
     * @return true when an event offered now would be dropped at once: the policy is DROP_NEWEST and
     *     the queue is full. Lets the producer skip building an event that cannot be queued.
     */
    boolean dropsNewestNow() {
        if (policy != OverflowPolicy.DROP_NEWEST) {
            return false;
        }
        lock.lock();
        try {
            return count == ring.length;
        } finally {
            lock.unlock();
        }
    }

    /** Counts an event the producer dropped because {@link #dropsNewestNow()} said so, exactly like a refused offer. */
    void dropNewest() {
        gap.incrementAndGet();
        lost.incrementAndGet();
    }

    /** Queues a message that matched no pending action; never blocks. */
    public void offerUnmatched(AmiMessage message) {
        offerItem(message);
        wakeConsumer();
    }

    /** Queues a malformed-input report; never blocks. */
    public void offerMalformed(MalformedMessage malformed) {
        offerItem(malformed);
        wakeConsumer();
    }

    /** Queues a connection state change; never dropped. */
    public void offerConnectionEvent(ConnectionEvent event) {
        connectionEvents.add(event);
        enqueue(WAKE); // if the queue is full the dispatcher is busy anyway
        signal();
    }

    /** Wakes the event thread if it waits for items; called by the producer after a batch. */
    void wakeConsumer() {
        unwoken = 0;
        signal();
    }

    private void signal() {
        if (consumerWaiting) {
            lock.lock();
            try {
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean enqueue(Object item) {
        lock.lock();
        try {
            if (count == ring.length) {
                return false;
            }
            ring[tail] = item;
            tail = tail + 1 == ring.length ? 0 : tail + 1;
            count++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Caller holds the lock. */
    private Object dequeue() {
        if (count == 0) {
            return null;
        }
        Object item = ring[head];
        ring[head] = null;
        head = head + 1 == ring.length ? 0 : head + 1;
        count--;
        return item;
    }

    private Object pollOldest() {
        lock.lock();
        try {
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the next item, waiting up to the timeout; null when none came. */
    private Object take(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                consumerWaiting = true;
                try {
                    nanos = notEmpty.awaitNanos(nanos);
                } finally {
                    consumerWaiting = false;
                }
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    private void offerItem(Object item) {
        if (policy == OverflowPolicy.DROP_OLDEST) {
            // the gap is at the head of the queue: the consumer announces it before its next item
            while (!enqueue(item)) {
                Object dropped = pollOldest();
                if (dropped != null && dropped != WAKE) {
                    headGap.incrementAndGet();
                    lost.incrementAndGet();
                }
            }
            return;
        }
        // DROP_NEWEST: the gap sits right before the next event that fits, which carries its size
        long pending = gap.get();
        Object toQueue = pending == 0 ? item : new AfterGap(gap.getAndSet(0), item);
        if (enqueue(toQueue)) {
            return;
        }
        if (toQueue instanceof AfterGap ag) {
            gap.addAndGet(ag.lost());
        }
        gap.incrementAndGet();
        lost.incrementAndGet();
    }

    /** @return events dropped since creation */
    public long lostCount() {
        return lost.get();
    }

    /** @return events handed to listeners */
    public long deliveredCount() {
        return delivered.get();
    }

    /** @return items waiting right now */
    public int depth() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            Object item;
            try {
                item = take(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
                continue;
            }
            drainConnectionEvents();
            if (item == null) {
                long g = gap.getAndSet(0);
                if (g > 0) {
                    announceLoss(g);
                }
                continue;
            }
            if (item == WAKE) {
                continue;
            }
            long dropped = headGap.getAndSet(0);
            if (dropped > 0) {
                announceLoss(dropped);
            }
            if (item instanceof AfterGap ag) {
                if (ag.lost() > 0) {
                    announceLoss(ag.lost());
                }
                item = ag.item();
            }
            deliver(item);
        }
        drainConnectionEvents();
    }

    private void drainConnectionEvents() {
        ConnectionEvent e;
        while ((e = connectionEvents.poll()) != null) {
            for (ConnectionListener l : connectionListeners) {
                try {
                    l.onConnectionEvent(e);
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "connection listener " + l + " failed on " + e, ex);
                }
            }
        }
    }

    private void announceLoss(long n) {
        long total = lost.get();
        for (AmiEventListener l : listeners) {
            try {
                l.onEventsLost(n, total);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "event listener " + l + " failed in onEventsLost", ex);
            }
        }
    }

    private void deliver(Object item) {
        if (item instanceof AmiEvent) {
            delivered.incrementAndGet();
        }
        for (AmiEventListener l : listeners) {
            try {
                if (item instanceof AmiEvent ev) {
                    l.onEvent(ev);
                } else if (item instanceof AmiMessage m) {
                    l.onUnmatched(m);
                } else if (item instanceof MalformedMessage mm) {
                    l.onMalformed(mm);
                }
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "event listener " + l + " failed on " + item, ex);
            }
        }
    }

    /**
     * Stops the thread after the connection events queued so far have been delivered; queued events
     * still waiting are discarded (the client is closing).
     */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
