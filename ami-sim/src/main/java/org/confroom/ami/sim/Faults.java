package org.confroom.ami.sim;

/** Fault switches shared by every TCP session: stalled reading and a slow writer. */
final class Faults {
    private volatile boolean stalled;
    private volatile long writeDelayMillis;

    synchronized void stall(boolean on) {
        stalled = on;
        notifyAll();
    }

    /** Blocks a session's reader while reading is stalled. */
    synchronized void awaitReading() throws InterruptedException {
        while (stalled) {
            wait();
        }
    }

    void writeDelayMillis(long millis) {
        writeDelayMillis = Math.max(0, millis);
    }

    long writeDelayMillis() {
        return writeDelayMillis;
    }
}
