package org.confroom.ami.sim;

/** Fault switches shared by every TCP session: stalled reading and a slow writer; and the write observer. */
final class Faults {
    private volatile boolean stalled;
    private volatile long writeDelayMillis;
    private volatile WriteObserver writeObserver = WriteObserver.NONE;

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

    void writeObserver(WriteObserver observer) {
        writeObserver = observer == null ? WriteObserver.NONE : observer;
    }

    WriteObserver writeObserver() {
        return writeObserver;
    }
}
