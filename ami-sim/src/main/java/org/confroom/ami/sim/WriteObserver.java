package org.confroom.ami.sim;

/**
 * Sees every message a TCP session wrote to its socket, for measurements (the benchmarks stamp each event
 * with its write time to measure how long a client takes to act on it). Runs on the session's writer
 * thread just before the bytes go to the socket (after, a client on another core may already have read
 * them): keep it short, it delays the write.
 */
@FunctionalInterface
public interface WriteObserver {
    /** Observes nothing. */
    WriteObserver NONE = (clientPort, message, nanoTime) -> { };

    /**
     * @param clientPort the client's TCP port (tells sessions apart)
     * @param message the encoded message as written (a response, list item or event; the banner too);
     *     shared with other sessions, do not change it
     * @param nanoTime {@link System#nanoTime()} just before the write
     */
    void written(int clientPort, byte[] message, long nanoTime);
}
