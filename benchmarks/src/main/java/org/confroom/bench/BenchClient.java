package org.confroom.bench;

/** One AMI client under test, behind the few operations the benchmarks need. */
interface BenchClient extends AutoCloseable {
    /** Connects and logs in to 127.0.0.1:port; events go to the counter. */
    void connect(int port, EventCounter events) throws Exception;

    /** One Ping round trip, blocking. */
    void ping(long timeoutMillis) throws Exception;

    /** Sends {@code n} Pings without waiting, then waits for every answer. */
    void pingPipelined(int n, long timeoutMillis) throws Exception;

    /** Tells the replay server that this run is over ({@code BenchDone}) and waits for its answer. */
    void done(String run, long idleMicros) throws Exception;

    /** @return client-side counters worth reporting (received, delivered, lost), may be empty */
    default java.util.Map<String, Object> stats() {
        return java.util.Map.of();
    }

    @Override
    void close();

    /** @return a client by name: confroom, asterisk-java or raw */
    static BenchClient named(String name) {
        return switch (name) {
            case "confroom" -> new ConfroomClient();
            case "asterisk-java" -> new AsteriskJavaClient();
            case "raw" -> new RawClient();
            default -> throw new IllegalArgumentException("unknown client " + name + " (confroom, asterisk-java, raw)");
        };
    }
}
