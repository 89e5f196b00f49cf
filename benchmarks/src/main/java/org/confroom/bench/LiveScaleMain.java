package org.confroom.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.action.Hangup;
import org.confroom.ami.sim.AmiSimulator;
import org.confroom.ami.sim.SimConfig;
import org.confroom.ami.sim.SimTiming;
import org.confroom.bench.live.JoinStamps;
import org.confroom.bench.live.LiveDriver;
import org.confroom.bench.live.LivePlan;
import org.confroom.bench.live.LiveScale;

/**
 * {@code benchmarks/bench --live-scale}: the service's live state at scale. This JVM runs the simulator
 * (all delays 0, confbridge-quiet joins) and the driver that fills it; the service's LiveRooms runs in a
 * forked JVM ({@link LiveScaleClient}) whose heap is measured. Each member's lag is from the moment the
 * simulator began writing its {@code ConfbridgeJoin} to the moment the subscriber got the
 * {@code MemberJoined}. Writes its section of {@code benchmarks/results.md}.
 *
 * <p>Options: {@code --rooms 1000 --members 10 --big-room 200 --rate 20000 --unpaced true --runs 1
 * --event-mask on --poll 5s --warmup-rooms 100 --jvm "-Xmx1g" --out benchmarks/results.md --command "..."} ({@code --poll}: the
 * service's {@code confroom.pbx.room-poll-interval}).
 */
public final class LiveScaleMain {
    /** The marked section of results.md this harness owns. */
    public static final String SECTION = "live-scale";

    private final Map<String, String> opt;
    private final Path logDir = Path.of("benchmarks/target/bench-logs");

    private LiveScaleMain(Map<String, String> opt) {
        this.opt = opt;
    }

    public static void main(String[] args) throws Exception {
        new LiveScaleMain(BenchMain.options(args)).run();
    }

    /** One measured run. */
    private record Run(String mode, int rate, Map<String, String> client, long events, long listItems, double eventsPerSecond,
            LiveScale.Lags lags, boolean pbxMatches, long clockSkewMicros) {
    }

    private void run() throws Exception {
        Files.createDirectories(logDir);
        LivePlan plan = new LivePlan(num("rooms", 1000), num("members", 10), num("big-room", 200));
        int rate = num("rate", 20_000);
        int runs = num("runs", 1);
        String mask = opt.getOrDefault("event-mask", "on");
        String startLoad = BenchMain.loadAverage();
        long started = System.nanoTime();
        List<Run> results = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            results.add(once(plan, rate, mask, "paced-" + r));
            if (Boolean.parseBoolean(opt.getOrDefault("unpaced", "true"))) {
                results.add(once(plan, 0, mask, "unpaced-" + r));
            }
        }
        String md = report(plan, mask, results, startLoad, BenchMain.loadAverage(), (System.nanoTime() - started) / 1_000_000_000L);
        Path out = Path.of(opt.getOrDefault("out", "benchmarks/results.md"));
        MarkedSection.replace(out, SECTION, md, true);
        System.err.println("written to " + out);
        System.out.print(md);
    }

    private Run once(LivePlan plan, int rate, String mask, String label) throws Exception {
        JoinStamps warmStamps = new JoinStamps();
        Path joinFile = logDir.resolve("live-scale-" + label + ".joins");
        try (AmiSimulator sim = AmiSimulator.start(SimConfig.builder().port(0).timing(SimTiming.recorded().withScale(0)).build())) {
            sim.controls().observeWrites(warmStamps);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmFlags());
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LiveScaleClient.class.getName(),
                    Integer.toString(sim.port()), mask, Integer.toString(plan.rooms()), Integer.toString(plan.membersPerRoom()),
                    Integer.toString(plan.bigRoomMembers()), joinFile.toString(), "300000", opt.getOrDefault("poll", "5s")));
            File log = logDir.resolve("live-scale-" + label + ".log").toFile();
            Process p = new ProcessBuilder(cmd).redirectError(log).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter toClient = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String clock = expect(in, "CLOCK", log);
                long skew = (System.nanoTime() - Long.parseLong(clock.split("\t")[1])) / 1_000;
                if (Math.abs(skew) > 5_000_000) {
                    throw new IllegalStateException("the forked JVM's System.nanoTime() is " + skew
                            + " µs away from this one's: lags across JVMs cannot be measured on this system");
                }
                expect(in, "READY", log);
                int warmRooms = num("warmup-rooms", Math.max(1, plan.rooms() / 10));
                if (warmRooms > 0) {
                    // a fresh JVM compiles its hot paths during the first joins: warm it as a long-running service is
                    LivePlan warm = new LivePlan(warmRooms, plan.membersPerRoom(), plan.bigRoomMembers());
                    toClient.println("WARMUP " + warm.rooms() + " " + warm.membersPerRoom() + " " + warm.bigRoomMembers());
                    try (LiveDriver driver = new LiveDriver(sim.port())) {
                        driver.run(warm, warmStamps::events, 0);
                        // hung up only once the live state has all of it: before, a quick hangup could empty the
                        // rooms before the client had compared them, and it waited for a state that was gone
                        expect(in, "FILLED", log);
                        driver.client().send(Hangup.of("/^Local\\//")).get(30, TimeUnit.SECONDS);
                    }
                    expect(in, "WARM", log);
                }
                JoinStamps stamps = new JoinStamps();
                sim.controls().observeWrites(stamps);
                toClient.println("GO");
                long driveStart = System.nanoTime();
                try (LiveDriver driver = new LiveDriver(sim.port())) {
                    driver.run(plan, stamps::events, rate);
                }
                String line = expect(in, ResultLine.PREFIX.trim(), log);
                Map<String, String> client = ResultLine.parse(line);
                p.waitFor(30, TimeUnit.SECONDS);
                long events = stamps.events();
                // from the driver's start: the listings read at connect came before it
                double seconds = (stamps.lastEventNanos() - driveStart) / 1e9;
                boolean matches = sim.controls().conferenceCount() == plan.expected().size()
                        && plan.expected().entrySet().stream().allMatch(e -> sim.controls().memberCount(e.getKey()) == e.getValue())
                        && Integer.parseInt(client.get("members")) == plan.members();
                LiveScale.Lags lags = LiveScale.lags(stamps.joins(), readJoins(joinFile));
                Run run = new Run(rate > 0 ? "paced" : "unpaced", rate, client, events, stamps.listItems(), events / seconds,
                        lags, matches, skew);
                Stats.Summary s = Stats.summary(lags.micros());
                System.err.printf("%s: %,d events at %,.0f/s, lag p50 %.2f ms p99 %.2f ms max %.2f ms, heap %,d KiB, state %s%n",
                        label, events, run.eventsPerSecond(), s.p50() / 1e3, s.p99() / 1e3, s.max() / 1e3,
                        Long.parseLong(client.get("heapAfterGcKib")), matches ? "equal" : "DIFFERENT");
                return run;
            } finally {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static String expect(BufferedReader in, String prefix, File log) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("the live-state JVM ended before " + prefix + "; see " + log);
    }

    private static Map<String, Long> readJoins(Path file) throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int tab = line.indexOf('\t');
            out.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
        }
        return out;
    }

    private String report(LivePlan plan, String mask, List<Run> runs, String startLoad, String endLoad, long seconds) {
        StringBuilder md = new StringBuilder("## Live state at scale\n\n");
        md.append("Written by `").append(opt.getOrDefault("command", "benchmarks/bench --live-scale")).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(" in ").append(seconds)
                .append(" s; ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, load average ")
                .append(startLoad).append(" at the start, ").append(endLoad).append(" at the end; live-state JVM flags `")
                .append(String.join(" ", jvmFlags())).append("`.\n\n");
        md.append(String.format("The simulator (this JVM, every delay 0) gets %s (%,d members, each one asynchronous Originate of "
                + "`Local/<n>@phones` into `confbridge-quiet,<room>` from a driver session that receives no events; all rooms grow "
                + "together, the big room's joins spread over the run). The service's `LiveRooms` over `PbxConnection` (the real "
                + "`TcpAmiClient`, user admin, `Events: %s`%s) runs in a forked JVM. Lag = from the simulator starting to write a "
                + "member's `ConfbridgeJoin` to the socket to a `LiveRooms` subscriber receiving its `MemberJoined` "
                + "(`System.nanoTime()` in both JVMs, CLOCK_MONOTONIC on Linux). Before the measured fill the live-state JVM is warmed "
                + "as a long-running service would be: a tenth of the plan joins and is hung up (`--warmup-rooms`). Events: unsolicited events written to the "
                + "client during the run (items of the lists its room poll asked for are counted apart). Paced: the driver sends the next Originate only "
                + "while the events written stay within the rate; unpaced: as fast as the simulator answers. Heap: used after "
                + "`System.gc()` with the full state loaded (the whole JVM: LiveRooms, the AMI client, JDK). CPU: the live-state JVM's "
                + "CPU time (all threads, GC and JIT) from the driver's start until every member was seen, of that wall time. State equal: the "
                + "simulator's rooms and member counts, the live snapshot's and the plan's are the same.%n%n",
                plan, plan.members(), mask, mask.equals("on") ? ", so the O(n²) `VarSet BRIDGEPEER` flood of the dialplan class arrives too" : ""));
        md.append("| run | events | events/s | list items (room polls) | lag p50 | lag p99 | lag max | joins matched | CPU of the live-state JVM | heap after GC (before members) | live snapshot (JOL) | peak RSS | events lost | changes dropped | state equal |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            Stats.Summary s = Stats.summary(r.lags().micros());
            Map<String, String> c = r.client();
            md.append(String.format("| %s | %,d | %,.0f | %,d | %.2f ms | %.2f ms | %.2f ms | %,d / %,d | %.1f s of %.1f s | %,d MiB (%,d MiB) | %.1f MiB | %,d MiB | %s | %s | %s |%n",
                    r.rate() > 0 ? String.format("paced at %,d/s", r.rate()) : "unpaced", r.events(), r.eventsPerSecond(),
                    r.listItems(), s.p50() / 1e3, s.p99() / 1e3, s.max() / 1e3, r.lags().matched(), plan.members(),
                    Long.parseLong(c.get("cpuMillis")) / 1e3, Long.parseLong(c.get("completeMillis")) / 1e3,
                    Long.parseLong(c.get("heapAfterGcKib")) / 1024, Long.parseLong(c.get("heapBaselineKib")) / 1024,
                    Long.parseLong(c.get("snapshotBytes")) / 1048576.0, Long.parseLong(c.get("peakRssKib")) / 1024,
                    c.get("eventsLost"), c.get("changesDropped"), r.pbxMatches() ? "yes" : "**no**"));
        }
        md.append('\n');
        md.append("Where the tail is: lag p99 of each tenth of the joins, in the order they were written.\n\n");
        md.append("| run | 1st | 2nd | 3rd | 4th | 5th | 6th | 7th | 8th | 9th | 10th |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            md.append("| ").append(r.rate() > 0 ? String.format("paced at %,d/s", r.rate()) : "unpaced");
            List<Long> all = r.lags().micros();
            for (int t = 0; t < 10; t++) {
                List<Long> tenth = all.subList(t * all.size() / 10, (t + 1) * all.size() / 10);
                md.append(String.format(" | %.0f ms", Stats.percentile(tenth, 99) / 1e3));
            }
            md.append(" |\n");
        }
        md.append('\n');
        md.append("| target | measured | met |\n|---|---|---|\n");
        for (Run r : runs) {
            if (r.rate() == 0) {
                continue;
            }
            Stats.Summary s = Stats.summary(r.lags().micros());
            long heapMib = Long.parseLong(r.client().get("heapAfterGcKib")) / 1024;
            md.append(String.format("| lag p99 < 50 ms at %,d events/s | %.2f ms (p50 %.2f ms) at %,.0f events/s | %s |%n", r.rate(),
                    s.p99() / 1e3, s.p50() / 1e3, r.eventsPerSecond(), s.p99() < 50_000 && r.eventsPerSecond() >= r.rate() * 0.95 ? "yes" : "**no**"));
            md.append(String.format("| heap < 256 MB with the full state loaded | %,d MiB after GC | %s |%n", heapMib, heapMib < 244 ? "yes" : "**no**"));
            md.append(String.format("| live state equals the simulator's | rooms and member counts %s | %s |%n",
                    r.pbxMatches() ? "equal" : "differ", r.pbxMatches() ? "yes" : "**no**"));
        }
        md.append('\n');
        return md.toString();
    }

    private List<String> jvmFlags() {
        return Arrays.asList(opt.getOrDefault("jvm", "-Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager").trim().split("\\s+"));
    }

    private int num(String key, int fallback) {
        return Integer.parseInt(opt.getOrDefault(key, Integer.toString(fallback)));
    }
}
