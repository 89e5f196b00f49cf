package org.confroom.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.confroom.ami.client.ClientStats;
import org.confroom.bench.live.LivePlan;
import org.confroom.bench.live.LiveScale;
import org.confroom.bench.live.LiveWatcher;
import org.confroom.conference.live.LiveSnapshot;
import org.confroom.conference.live.StandaloneLive;
import org.openjdk.jol.info.GraphLayout;

/**
 * The measured JVM of {@code benchmarks/bench --live-scale}: the service's live state (LiveRooms over
 * PbxConnection) connected to the orchestrator's simulator, with a subscriber that notes when each join
 * arrived. Talks to {@link LiveScaleMain} over stdin/stdout:
 *
 * <pre>
 *   -&gt; CLOCK &lt;nanoTime&gt;         (the orchestrator checks that both JVMs read the same clock)
 *   -&gt; READY                      (state fresh; heap after GC noted)
 *   &lt;- WARMUP rooms members big   (optional, repeated: the orchestrator fills a warm-up plan,
 *   -&gt; FILLED                     once the live state holds all of it, then the orchestrator hangs it up)
 *   -&gt; WARM                       (that plan was seen, then every room ended; heap after GC noted again)
 *   &lt;- GO                         (the driver starts)
 *   -&gt; RESULT key=value ...       (every member seen; join times written to the file)
 * </pre>
 *
 * Arguments: port eventMask rooms membersPerRoom bigRoomMembers joinTimesFile timeoutMillis roomPollInterval
 */
public final class LiveScaleClient {
    private LiveScaleClient() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jol.magicFieldOffset", "true"); // records (LiveSnapshot) have no Unsafe field offsets
        int port = Integer.parseInt(args[0]);
        String mask = args[1];
        LivePlan plan = new LivePlan(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        Path joinFile = Path.of(args[5]);
        long timeout = Long.parseLong(args[6]);
        System.out.println("CLOCK\t" + System.nanoTime());
        System.out.flush();
        try (StandaloneLive live = new StandaloneLive(LiveScale.config(port, mask, args[7]));
                LiveWatcher watcher = new LiveWatcher(live.rooms())) {
            watcher.awaitFresh(30_000);
            long baseline = heapAfterGcKib();
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = in.readLine()) != null && command.startsWith("WARMUP")) {
                String[] w = command.split(" ");
                LivePlan warm = new LivePlan(Integer.parseInt(w[1]), Integer.parseInt(w[2]), Integer.parseInt(w[3]));
                watcher.awaitRooms(warm.expected(), timeout);
                System.out.println("FILLED"); // the orchestrator hangs the warm-up up only now
                System.out.flush();
                watcher.awaitRooms(Map.of(), timeout);
                watcher.reset();
                baseline = heapAfterGcKib();
                System.out.println("WARM");
                System.out.flush();
            }
            if (!"GO".equals(command)) {
                throw new IllegalStateException("expected GO from the orchestrator, got " + command);
            }
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            Map<String, Integer> counts = watcher.awaitRooms(plan.expected(), timeout);
            long completeNanos = System.nanoTime() - start;
            long cpu = cpuNanos() - cpuStart;
            LiveSnapshot snapshot = live.rooms().snapshot();
            long heap = heapAfterGcKib();
            long snapshotBytes = GraphLayout.parseInstance(snapshot).totalSize();
            ClientStats stats = live.connection().client().stats();
            Files.write(joinFile, watcher.joinTimes().entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue())
                    .collect(Collectors.toList()));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rooms", counts.size());
            out.put("members", counts.values().stream().mapToInt(Integer::intValue).sum());
            out.put("completeMillis", completeNanos / 1_000_000);
            out.put("cpuMillis", cpu / 1_000_000);
            out.put("heapBaselineKib", baseline);
            out.put("heapAfterGcKib", heap);
            out.put("snapshotBytes", snapshotBytes);
            out.put("peakRssKib", ResultLine.peakRssKib());
            out.put("maxHeapMib", ResultLine.maxHeapMib());
            out.put("eventsReceived", stats.eventsReceived());
            out.put("eventsLost", stats.eventsLost());
            out.put("changes", watcher.changes());
            out.put("changesDropped", watcher.dropped());
            out.put("stale", snapshot.stale());
            System.out.println(ResultLine.format(out));
            System.out.flush();
        }
    }

    /** @return CPU time of this JVM (all threads, GC and JIT included) */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** @return heap in use after a full collection, in KiB */
    static long heapAfterGcKib() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 10;
    }
}
