package org.confroom.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.client.ClientStats;
import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MessageType;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.AmiEvents;
import org.openjdk.jol.info.GraphLayout;

/**
 * Entry point of a forked client JVM: runs one scenario against a replay server that the
 * orchestrator ({@link BenchMain}) started, and prints one {@link ResultLine}.
 *
 * <pre>
 *   ingest    CLIENT PORT EXPECTED WARMUPS RUN   consume the replay, count events per name
 *   flood     CLIENT PORT WINDOW_MS RUN          slow listener (1 ms per event), Pings meanwhile
 *   ping      CLIENT PORT N ROUNDS WARMUPS       N Pings pipelined vs one by one
 *   eventsize TRANSCRIPT                         deep size of every decoded event (JOL)
 * </pre>
 */
public final class ClientMain {
    /** A listener that has seen nothing for this long has seen everything it will see. */
    static final long IDLE_MILLIS = 1000;
    /** {@link #IDLE_MILLIS} unless a test shortens it. */
    static volatile long idleMillis = IDLE_MILLIS;
    static final long PING_TIMEOUT_MILLIS = 20_000;
    static final long FLOOD_WARMUP_MILLIS = 2000;

    private ClientMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> out = switch (args[0]) {
            case "ingest" -> ingest(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    Integer.parseInt(args[4]), args[5]);
            case "flood" -> flood(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]), args[4]);
            case "ping" -> ping(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "eventsize" -> eventSize(Path.of(args[1]));
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        };
        out.put("peakRssKib", ResultLine.peakRssKib());
        out.put("maxHeapMib", ResultLine.maxHeapMib());
        System.out.println(ResultLine.format(out));
        System.out.flush();
        System.exit(0); // asterisk-java leaves non-daemon threads behind
    }

    /** Consumes the replay {@code warmups} times unmeasured, then once measured, each on a new connection. */
    static Map<String, Object> ingest(String clientName, int port, long expected, int warmups, String run)
            throws Exception {
        Map<String, Object> out = null;
        for (int pass = 0; pass <= warmups; pass++) {
            out = ingestPass(clientName, port, expected, pass < warmups ? run + "-warmup" + pass : run);
        }
        return out;
    }

    private static Map<String, Object> ingestPass(String clientName, int port, long expected, String run)
            throws Exception {
        // asterisk-java invents and skips events, so its count never says "all": it ends on idleness
        boolean exact = !clientName.equals("asterisk-java");
        EventCounter events = new EventCounter(exact ? expected : 0);
        Map<String, Object> out = new LinkedHashMap<>();
        try (BenchClient client = BenchClient.named(clientName)) {
            client.connect(port, events);
            boolean all = events.awaitAll(idleMillis, 300_000);
            long idleMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - events.lastNanos());
            long delivered = events.count();
            Map<String, Long> names = events.names();
            client.done(run, idleMicros);
            out.put("client", clientName);
            out.put("run", run);
            out.put("complete", all);
            out.put("delivered", delivered);
            out.put("firstEventNanos", events.firstNanos());
            out.put("lastEventNanos", events.lastNanos());
            out.put("idleMicros", idleMicros);
            out.putAll(client.stats());
            out.put("names", ResultLine.names(names));
        }
        return out;
    }

    /**
     * The slow listener: it sleeps 1 ms per event while the replay streams for {@code windowMillis};
     * meanwhile Pings go out one after another (5 ms apart) and their round trips are recorded.
     */
    static Map<String, Object> flood(String clientName, int port, long windowMillis, String run) throws Exception {
        // warm the JVM (JIT, heap sizing) on a first connection, as the ingest runs do; the queue starts empty again
        floodPass(clientName, port, FLOOD_WARMUP_MILLIS, 1000, run + "-warmup");
        return floodPass(clientName, port, windowMillis, PING_TIMEOUT_MILLIS, run);
    }

    static Map<String, Object> floodPass(String clientName, int port, long windowMillis, long pingTimeout,
                                                 String run) throws Exception {
        EventCounter events = new EventCounter(0);
        events.slow = true;
        Map<String, Object> out = new LinkedHashMap<>();
        try (BenchClient client = BenchClient.named(clientName)) {
            client.connect(port, events);
            List<Long> rtts = new ArrayList<>();
            int timeouts = 0;
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMillis);
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                try {
                    client.ping(pingTimeout);
                    rtts.add(System.nanoTime() - t0);
                } catch (Exception e) {
                    timeouts++;
                }
                Thread.sleep(5);
            }
            long windowEnd = System.nanoTime();
            // what the client holds while its listener is behind: collect garbage, then measure
            System.gc();
            long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            Map<String, Object> atWindowEnd = client.stats();
            events.slow = false;
            client.done(run, 0);
            long drainStart = System.nanoTime();
            if (client instanceof ConfroomClient c) {
                long limit = System.currentTimeMillis() + 60_000;
                while (System.currentTimeMillis() < limit) {
                    ClientStats s = c.clientStats();
                    if (s.eventQueueDepth() == 0 && s.eventsReceived() == s.eventsDelivered() + s.eventsLost()
                            && events.announcedLost() == s.eventsLost() && events.count() == s.eventsDelivered()) {
                        break;
                    }
                    Thread.sleep(5);
                }
                out.put("queueDepthAtWindowEnd", atWindowEnd.get("queueDepth"));
            } else {
                events.awaitAll(idleMillis, 120_000);
            }
            long drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStart);
            Stats.Summary ping = Stats.summary(rtts);
            out.put("client", clientName);
            out.put("run", run);
            out.put("pings", rtts.size());
            out.put("pingTimeouts", timeouts);
            out.put("pingP50Micros", ping.p50() / 1000);
            out.put("pingP99Micros", ping.p99() / 1000);
            out.put("pingMaxMicros", ping.max() / 1000);
            out.put("rttMicros", rtts.stream().map(n -> Long.toString(n / 1000)).collect(java.util.stream.Collectors.joining(",")));
            out.put("windowMillis", TimeUnit.NANOSECONDS.toMillis(windowEnd - (end - TimeUnit.MILLISECONDS.toNanos(windowMillis))));
            out.put("heapUsedAfterGcKib", heapUsed >> 10);
            out.put("delivered", events.count());
            out.put("announcedLost", events.announcedLost());
            out.put("lossAnnouncements", events.lossAnnouncements());
            out.put("drainMillis", drainMillis);
            out.putAll(client.stats());
            out.put("names", ResultLine.names(events.names()));
        }
        return out;
    }

    /** {@code n} Pings in flight at once vs {@code n} Pings one after the other, medians of {@code rounds}. */
    static Map<String, Object> ping(String clientName, int port, int n, int rounds, int warmups) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (BenchClient client = BenchClient.named(clientName)) {
            client.connect(port, new EventCounter(0));
            List<Long> pipelined = new ArrayList<>();
            List<Long> sequential = new ArrayList<>();
            for (int r = 0; r < warmups + rounds; r++) {
                long t0 = System.nanoTime();
                client.pingPipelined(n, 60_000);
                long t1 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    client.ping(10_000);
                }
                long t2 = System.nanoTime();
                if (r >= warmups) {
                    pipelined.add(t1 - t0);
                    sequential.add(t2 - t1);
                }
            }
            out.put("client", clientName);
            out.put("n", n);
            out.put("rounds", rounds);
            out.put("pipelinedNanos", Stats.median(pipelined));
            out.put("sequentialNanos", Stats.median(sequential));
            out.put("pipelinedAll", pipelined.toString().replace(" ", ""));
            out.put("sequentialAll", sequential.toString().replace(" ", ""));
        }
        return out;
    }

    /** Deep size (JOL) of every event of a transcript as the client delivers it: typed event, message, strings. */
    static Map<String, Object> eventSize(Path transcript) throws Exception {
        byte[] raw = Files.readAllBytes(transcript);
        List<AmiEvent> events = new ArrayList<>();
        AmiDecoder.forServerStream().feed(raw, 0, raw.length, f -> {
            if (f instanceof AmiMessage m && m.type() == MessageType.EVENT) {
                events.add(AmiEvents.of(m));
            }
        });
        long max = 0;
        long total = 0;
        String maxName = "";
        for (AmiEvent e : events) {
            long size = GraphLayout.parseInstance(e).totalSize();
            total += size;
            if (size > max) {
                max = size;
                maxName = e.name();
            }
        }
        long together = GraphLayout.parseInstance(events.toArray()).totalSize();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", events.size());
        out.put("avgBytes", total / events.size());
        out.put("maxBytes", max);
        out.put("maxName", maxName);
        // shared key strings counted once: what a full queue of these events really holds
        out.put("avgSharedBytes", together / events.size());
        return out;
    }
}
