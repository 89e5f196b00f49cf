package org.confroom.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and writes a markdown report. The replay servers run in this JVM; every client
 * run is a forked JVM ({@link ClientMain}) with the same flags, so peak RSS is per client.
 *
 * <p>Options ({@code --name value}): {@code transcripts} (directory), {@code out} (markdown file),
 * {@code only} (comma list of ingest, cold, flood, eventsize, ping, jmh), {@code cold-runs} (3), {@code transcript} (19),
 * {@code reps} (20), {@code runs} (5), {@code warmups} (3), {@code flood-ms} (5000), {@code flood-runs} (3),
 * {@code pings} (10000), {@code ping-rounds} (5), {@code ping-warmups} (3), {@code jmh-transcripts} (19,20),
 * {@code jmh-iterations} (5), {@code jvm} (flags of the client JVMs, default {@code -Xmx1g}),
 * {@code command} (the command line to print in the report).
 */
public final class BenchMain {
    static final List<String> INGEST_CLIENTS = List.of("raw", "confroom", "asterisk-java");
    static final List<String> FLOOD_CLIENTS = List.of("confroom", "asterisk-java");
    static final Map<String, String> LABELS = Map.of("raw", "raw byte counter (floor)",
            "confroom", "ami-core `TcpAmiClient`", "asterisk-java", "asterisk-java 3.41.0");

    private final Map<String, String> opt;
    private final Path transcripts;
    private final List<String> jvmFlags;
    private final Path logDir;
    private final StringBuilder md = new StringBuilder();
    private final List<String[]> targets = new ArrayList<>();
    /** Summary rows: what, then a value per client (raw, confroom, asterisk-java). */
    private final Map<String, Map<String, String>> headline = new LinkedHashMap<>();
    private int forks;

    private BenchMain(Map<String, String> opt) throws IOException {
        this.opt = opt;
        this.transcripts = Path.of(opt.getOrDefault("transcripts",
                System.getProperty("ami.transcripts", "docs/ami-transcripts")));
        this.jvmFlags = Arrays.asList(opt.getOrDefault("jvm", "-Xmx1g").trim().split("\\s+"));
        this.logDir = Path.of(opt.getOrDefault("logs", "benchmarks/target/bench-logs"));
        Files.createDirectories(logDir);
    }

    public static void main(String[] args) throws Exception {
        new BenchMain(options(args)).run();
    }

    /** @return {@code --name value} pairs by name, in order */
    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            opt.put(args[i].substring(2), args[i + 1]);
        }
        return opt;
    }

    private void headline(String row, String client, String value) {
        headline.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(client, value);
    }

    private String headlineTable() {
        StringBuilder sb = new StringBuilder("| | ami-core `TcpAmiClient` | asterisk-java 3.41.0 | raw byte counter |\n|---|---|---|---|\n");
        headline.forEach((row, values) -> sb.append("| ").append(row).append(" | ")
                .append(values.getOrDefault("confroom", "")).append(" | ")
                .append(values.getOrDefault("asterisk-java", "")).append(" | ")
                .append(values.getOrDefault("raw", "")).append(" |\n"));
        return sb.toString();
    }

    /** Replaces the text between {@code <!-- bench:summary -->} and {@code <!-- /bench:summary -->} in a file. */
    private void updateSummary(Path file, String summary) throws IOException {
        if (MarkedSection.replace(file, "bench:summary", summary, false)) {
            System.err.println("summary updated in " + file);
        } else {
            System.err.println("no <!-- bench:summary --> ... <!-- /bench:summary --> block in " + file + "; not updated");
        }
    }

    private int num(String key, int fallback) {
        return Integer.parseInt(opt.getOrDefault(key, Integer.toString(fallback)));
    }

    private boolean enabled(String part) {
        String only = opt.get("only");
        return only == null || Arrays.asList(only.split(",")).contains(part);
    }

    private void run() throws Exception {
        Transcript t = Transcript.find(transcripts, opt.getOrDefault("transcript", "19"));
        int reps = num("reps", 20);
        String startLoad = loadAverage();
        long started = System.nanoTime();
        StringBuilder body = new StringBuilder();
        if (enabled("ingest")) {
            body.append(ingest(t, reps));
        }
        if (enabled("cold")) {
            body.append(coldIngest(t, reps));
        }
        if (enabled("flood")) {
            body.append(flood(t));
        }
        if (enabled("eventsize")) {
            body.append(eventSize(t));
        }
        if (enabled("ping")) {
            body.append(pipelining(t));
        }
        if (enabled("jmh")) {
            body.append(jmh());
        }
        String endLoad = loadAverage();
        md.append("# AMI client benchmarks: results\n\n");
        md.append("Written by `benchmarks/bench` on ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append(" in ").append(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).append(" s.\n\n");
        md.append("Command: `").append(opt.getOrDefault("command", "benchmarks/bench")).append("`\n\n");
        md.append("| machine | |\n|---|---|\n");
        md.append("| CPUs (`nproc`) | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        md.append("| CPU model (`lscpu`) | ").append(cpuModel()).append(" |\n");
        md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        md.append("| client JVM flags | `").append(String.join(" ", jvmFlags)).append("` (one forked JVM per client run, ")
                .append(forks).append(" forks) |\n");
        md.append("| load average (1, 5, 15 min) at start / end | ").append(startLoad).append(" / ").append(endLoad).append(" |\n\n");
        if (!targets.isEmpty()) {
            md.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
            for (String[] row : targets) {
                md.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            md.append('\n');
        }
        md.append(body);
        String summary = "Measured by `" + opt.getOrDefault("command", "benchmarks/bench") + "` on "
                + ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE) + ": " + Runtime.getRuntime().availableProcessors()
                + " CPUs (" + cpuModel() + "), " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", load average " + startLoad + " at the start. Details and every run: `benchmarks/results.md`.\n\n"
                + headlineTable();
        md.insert(md.indexOf("## Targets") < 0 ? md.length() : md.indexOf("## Targets"), "## Summary\n\n" + headlineTable() + "\n");
        Path out = Path.of(opt.getOrDefault("out", "benchmarks/results.md"));
        // sections written by the other harnesses (benchmarks/bench --live-scale) stay
        String kept = Files.exists(out) ? MarkedSection.find(Files.readString(out), LiveScaleMain.SECTION) : "";
        Files.writeString(out, md + (kept.isEmpty() ? "" : "\n" + kept + "\n"), StandardCharsets.UTF_8);
        if (opt.containsKey("update")) {
            for (String f : opt.get("update").split(",")) {
                updateSummary(Path.of(f), summary);
            }
        }
        System.out.println(md);
        System.out.println("written to " + out.toAbsolutePath());
    }

    // ---------------------------------------------------------------- ingest

    private String ingest(Transcript t, int reps) throws Exception {
        int runs = num("runs", 5);
        int warmups = num("warmups", 3);
        long sent = (long) t.eventCount() * reps;
        long bytes = (long) t.eventBytes().length * reps;
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Long>> rss = new LinkedHashMap<>();
        Map<String, List<Long>> delivered = new LinkedHashMap<>();
        Map<String, Map<String, Long>> lastNames = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder();
        try (ReplayServer server = new ReplayServer(t, reps)) {
            for (int r = 1; r <= runs; r++) {
                for (String client : INGEST_CLIENTS) {
                    String run = "ingest-" + client + "-" + r;
                    Map<String, String> res = fork(run, "ingest", client, Integer.toString(server.port()),
                            Long.toString(sent), Integer.toString(warmups), run);
                    ReplayServer.SessionResult s = server.awaitResult(run, 10_000);
                    if (res == null || s == null) {
                        detail.append("| ").append(r).append(" | ").append(client).append(" | failed, see ")
                                .append(logDir.resolve(run + ".log")).append(" | | | |\n");
                        continue;
                    }
                    double seconds = s.consumeNanos() / 1e9;
                    double rate = sent / seconds;
                    long clientNanos = Long.parseLong(res.get("lastEventNanos")) - s.streamStartNanos();
                    rates.computeIfAbsent(client, k -> new ArrayList<>()).add(rate);
                    rss.computeIfAbsent(client, k -> new ArrayList<>()).add(Long.parseLong(res.get("peakRssKib")));
                    delivered.computeIfAbsent(client, k -> new ArrayList<>()).add(Long.parseLong(res.get("delivered")));
                    lastNames.put(client, ResultLine.parseNames(res.get("names")));
                    detail.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %.3f | %.3f | %,d | %,d |%n", r, client, rate,
                            seconds, clientNanos / 1e9, Long.parseLong(res.get("delivered")),
                            Long.parseLong(res.get("peakRssKib")) / 1024));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "## End-to-end ingest%n%nThe replay server sends the %,d Event blocks of `%s` %d times "
                        + "(%,d events, %.1f MB) after Login, as fast as the client reads. Each client runs in its own JVM, "
                        + "consumes the replay %d time(s) unmeasured to warm up, then once measured on a new connection; "
                        + "its listener counts events per name. Time = from the server's first event byte to the client's "
                        + "`BenchDone` (sent when its listener has seen the last event; a client that never reaches the sent "
                        + "count ends after %d ms without events and that idle time is subtracted). Median of %d runs.%n%n",
                t.eventCount(), t.name(), reps, sent, bytes / 1e6, warmups, ClientMain.IDLE_MILLIS, runs));
        sb.append("| client | events/s (median) | min .. max | delivered / sent | peak RSS (median) | event names dropped | event names invented |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        Map<String, Integer> sentNames = t.countsByName();
        for (String client : INGEST_CLIENTS) {
            List<Double> rs = rates.get(client);
            if (rs == null) {
                sb.append("| ").append(LABELS.get(client)).append(" | failed | | | | | |\n");
                continue;
            }
            Diff diff = client.equals("raw") ? null : diff(sentNames, reps, lastNames.get(client));
            sb.append(String.format(Locale.ROOT, "| %s | **%,.0f** | %,.0f .. %,.0f | %,d / %,d | %,d MiB | %s | %s |%n",
                    LABELS.get(client), Stats.medianDouble(rs), rs.stream().mapToDouble(d -> d).min().orElse(0),
                    rs.stream().mapToDouble(d -> d).max().orElse(0), Stats.median(delivered.get(client)), sent,
                    Stats.median(rss.get(client)) / 1024,
                    diff == null ? "n/a (counts message ends)" : diff.dropped, diff == null ? "n/a" : diff.invented));
        }
        for (String client : INGEST_CLIENTS) {
            if (rates.containsKey(client)) {
                headline("ingest, events/s (median of " + runs + ")", client,
                        String.format(Locale.ROOT, "**%,.0f**", Stats.medianDouble(rates.get(client))));
                headline("ingest, delivered / sent", client,
                        String.format(Locale.ROOT, "%,d / %,d", Stats.median(delivered.get(client)), sent));
                Diff d = client.equals("raw") ? null : diff(sentNames, reps, lastNames.get(client));
                headline("ingest, event names dropped", client, d == null ? "n/a" : d.dropped().replaceAll(" \\(.*?\\)", ""));
                headline("ingest, event names invented", client, d == null ? "n/a" : d.invented().replaceAll(" \\(.*?\\)", ""));
                headline("ingest, peak RSS of the client JVM", client,
                        String.format(Locale.ROOT, "%,d MiB", Stats.median(rss.get(client)) / 1024));
            }
        }
        double ours = rates.containsKey("confroom") ? Stats.medianDouble(rates.get("confroom")) : 0;
        double theirs = rates.containsKey("asterisk-java") ? Stats.medianDouble(rates.get("asterisk-java")) : 0;
        double raw = rates.containsKey("raw") ? Stats.medianDouble(rates.get("raw")) : 0;
        if (ours > 0 && theirs > 0) {
            sb.append(String.format(Locale.ROOT, "%nami-core / asterisk-java: **%.1fx**; ami-core / raw floor: %.0f%%.%n", ours / theirs,
                    100 * ours / raw));
            headline("ingest, ami-core / asterisk-java", "confroom", String.format(Locale.ROOT, "%.1fx", ours / theirs));
        }
        if (ours > 0) {
            long d = Stats.median(delivered.get("confroom"));
            Diff diff = diff(sentNames, reps, lastNames.get("confroom"));
            targets.add(new String[] {"ingest >= 360,000 events/s, all delivered, none invented",
                    String.format(Locale.ROOT, "%,.0f events/s, %,d / %,d delivered, invented: %s", ours, d, sent, diff.invented),
                    ours >= 360_000 && d == sent && diff.invented.equals("none") ? "yes" : "**no**"});
        }
        sb.append("\n<details><summary>every run</summary>\n\n| run | client | events/s | server-side s | client-side s (last event) | delivered | peak RSS MiB |\n|---|---|---|---|---|---|---|\n");
        sb.append(detail).append("\n</details>\n\n");
        return sb.toString();
    }

    /** The same replay consumed once by a fresh JVM: startup, class loading and JIT included. */
    private String coldIngest(Transcript t, int reps) throws Exception {
        int runs = num("cold-runs", 3);
        long sent = (long) t.eventCount() * reps;
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        try (ReplayServer server = new ReplayServer(t, reps)) {
            for (int r = 1; r <= runs; r++) {
                for (String client : INGEST_CLIENTS) {
                    String run = "cold-" + client + "-" + r;
                    Map<String, String> res = fork(run, "ingest", client, Integer.toString(server.port()),
                            Long.toString(sent), "0", run);
                    ReplayServer.SessionResult s = server.awaitResult(run, 10_000);
                    if (res != null && s != null) {
                        rates.computeIfAbsent(client, k -> new ArrayList<>()).add(sent / (s.consumeNanos() / 1e9));
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "## Ingest in a fresh JVM%n%nThe same replay "
                + "(%,d events), consumed once by a JVM that has just started: no warm-up, so class loading and JIT "
                + "compilation are part of the time. Median of %d runs.%n%n", sent, runs));
        sb.append("| client | events/s (median) | min .. max |\n|---|---|---|\n");
        for (String client : INGEST_CLIENTS) {
            List<Double> rs = rates.get(client);
            if (rs == null) {
                sb.append("| ").append(LABELS.get(client)).append(" | failed | |\n");
                continue;
            }
            double median = Stats.medianDouble(rs);
            headline("ingest, first pass of a fresh JVM, events/s (median of " + runs + ")", client,
                    String.format(Locale.ROOT, "%,.0f", median));
            sb.append(String.format(Locale.ROOT, "| %s | **%,.0f** | %,.0f .. %,.0f |%n", LABELS.get(client), median,
                    rs.stream().mapToDouble(d -> d).min().orElse(0), rs.stream().mapToDouble(d -> d).max().orElse(0)));
        }
        if (rates.containsKey("confroom") && rates.containsKey("asterisk-java")) {
            sb.append(String.format(Locale.ROOT, "%nami-core / asterisk-java: **%.1fx**.%n",
                    Stats.medianDouble(rates.get("confroom")) / Stats.medianDouble(rates.get("asterisk-java"))));
        }
        return sb.append('\n').toString();
    }

    record Diff(String dropped, String invented) {
    }

    /** Compares the names a client delivered with what was sent (case-insensitive; pseudo events listed apart). */
    static Diff diff(Map<String, Integer> sentPerRepAnyCase, long reps, Map<String, Long> gotAnyCase) {
        Map<String, Integer> sentPerRep = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sentPerRep.putAll(sentPerRepAnyCase);
        Map<String, Long> got = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        gotAnyCase.forEach((k, v) -> got.merge(k, v, Long::sum));
        List<String> dropped = new ArrayList<>();
        List<String> invented = new ArrayList<>();
        Set<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(sentPerRep.keySet());
        all.addAll(got.keySet());
        for (String name : all) {
            long s = sentPerRep.getOrDefault(name, 0) * reps;
            long g = got.getOrDefault(name, 0L);
            if (g < s) {
                dropped.add(String.format(Locale.ROOT, "%s (%,d of %,d missing)", name, s - g, s));
            } else if (g > s) {
                invented.add(String.format(Locale.ROOT, "%s (%,d%s)", name, g - s, s == 0 ? " never sent" : " extra"));
            }
        }
        return new Diff(dropped.isEmpty() ? "none" : String.join(", ", dropped),
                invented.isEmpty() ? "none" : String.join(", ", invented));
    }

    // ---------------------------------------------------------------- flood

    private String flood(Transcript t) throws Exception {
        int runs = num("flood-runs", 3);
        long window = num("flood-ms", 5000);
        long paced = num("flood-rate", 100_000);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "## Responsiveness under an event flood%n%nThe replay server streams `%s` "
                + "over and over while the listener sleeps 1 ms per event (it can take 1,000 events/s). "
                + "For %,d ms a Ping goes out every 5 ms, each waiting for its answer (timeout %,d ms). Then the listener "
                + "stops sleeping, the client sends `BenchDone` (the server stops after the current chunk) and the "
                + "queue drains. Events sent = what the server wrote before its `BenchDone` answer, so every one of "
                + "them reached the client. Heap used = after `System.gc()` at the end of the window, with the queue "
                + "full. Two streams: as fast as the client reads (the client's reader is the bottleneck, so the "
                + "server's socket send buffer stays full and a Ping answer queues behind it, as it would behind a real "
                + "Asterisk's), and paced at %,d events/s (twice the busiest 100 ms recorded in the load tests, "
                + "4,528 events, sustained). Each run is a JVM of its own that first floods a connection for %,d ms "
                + "unmeasured (JIT, heap sizing), then measures on a new connection with an empty queue. Median of %d runs. "
                + "For asterisk-java, delivered counts every event its listener got, including the legacy events it "
                + "invents, so sent - delivered understates what it dropped.%n%n",
                t.name(), window, ClientMain.PING_TIMEOUT_MILLIS, paced, ClientMain.FLOOD_WARMUP_MILLIS, runs));
        sb.append("Ping percentiles are over the Pings of all runs together; the other columns are medians per run.\n\n");
        sb.append("| stream | client | Ping p50 | Ping p99 | Ping max | Pings answered, all runs (timed out) | events sent | delivered | lost (counted) | lost (signalled to the listener) | heap used | peak RSS |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder detail = new StringBuilder();
        for (long rate : new long[] {0, paced}) {
            String stream = rate == 0 ? "full speed" : String.format(Locale.ROOT, "%,d events/s", rate);
            Map<String, List<Map<String, String>>> all = new LinkedHashMap<>();
            Map<String, List<ReplayServer.SessionResult>> sessions = new LinkedHashMap<>();
            try (ReplayServer server = new ReplayServer(t, Long.MAX_VALUE)) {
                server.pace(rate);
                for (int r = 1; r <= runs; r++) {
                    for (String client : FLOOD_CLIENTS) {
                        String run = "flood-" + (rate == 0 ? "full" : "paced") + "-" + client + "-" + r;
                        Map<String, String> res = fork(run, "flood", client, Integer.toString(server.port()),
                                Long.toString(window), run);
                        ReplayServer.SessionResult s = server.awaitResult(run, 10_000);
                        if (res != null && s != null) {
                            all.computeIfAbsent(client, k -> new ArrayList<>()).add(res);
                            sessions.computeIfAbsent(client, k -> new ArrayList<>()).add(s);
                        }
                    }
                }
            }
            for (String client : FLOOD_CLIENTS) {
                List<Map<String, String>> rs = all.get(client);
                if (rs == null) {
                    sb.append("| ").append(stream).append(" | ").append(LABELS.get(client)).append(" | failed |||||||||\n");
                    continue;
                }
                // percentiles over the pings of all runs together, not a median of per-run percentiles
                List<Long> rtts = new ArrayList<>();
                for (Map<String, String> m : rs) {
                    String list = m.getOrDefault("rttMicros", "");
                    if (!list.isEmpty()) {
                        Arrays.stream(list.split(",")).map(Long::parseLong).forEach(rtts::add);
                    }
                }
                Stats.Summary pooled = Stats.summary(rtts);
                long p50 = pooled.p50();
                long p99 = pooled.p99();
                long max = pooled.max();
                long pings = rtts.size();
                long timeouts = rs.stream().mapToLong(m -> Long.parseLong(m.get("pingTimeouts"))).sum();
                long sent = Stats.median(sessions.get(client).stream().map(ReplayServer.SessionResult::eventsWritten).toList());
                long delivered = medianOf(rs, "delivered");
                boolean ours = client.equals("confroom");
                String lost = ours ? String.format(Locale.ROOT, "%,d", medianOf(rs, "lost"))
                        : String.format(Locale.ROOT, "%,d not delivered, not counted", sent - delivered);
                String signalled = ours ? String.format(Locale.ROOT, "%,d in %,d `onEventsLost` calls", medianOf(rs, "announcedLost"),
                        medianOf(rs, "lossAnnouncements")) : "none (a log line per dropped event, nothing to listeners)";
                String none = "none answered";
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,d (%,d) | %,d | %,d | %s | %s | %,d MiB | %,d MiB |%n",
                        stream, LABELS.get(client), pings == 0 ? none : millis(p50), pings == 0 ? none : millis(p99),
                        pings == 0 ? none : millis(max), pings, timeouts, sent, delivered, lost,
                        signalled, medianOf(rs, "heapUsedAfterGcKib") / 1024, medianOf(rs, "peakRssKib") / 1024));
                headline("Ping p50 / p99 while the listener sleeps 1 ms per event, stream " + stream, client,
                        pings == 0 ? "no answer within " + ClientMain.PING_TIMEOUT_MILLIS / 1000 + " s (" + timeouts + " Pings)"
                                : millis(p50) + " / " + millis(p99) + (timeouts > 0
                                        ? " (" + pings + " answered, " + timeouts + " timed out after "
                                                + ClientMain.PING_TIMEOUT_MILLIS / 1000 + " s)" : ""));
                headline("events lost in that flood (" + stream + ")", client, ours
                        ? String.format(Locale.ROOT, "%,d of %,d, all counted and signalled", medianOf(rs, "lost"), sent)
                        : String.format(Locale.ROOT, "%,d of %,d, not counted, not announced", sent - delivered, sent));
                if (ours) {
                    boolean exact = true;
                    for (int i = 0; i < rs.size(); i++) {
                        Map<String, String> m = rs.get(i);
                        long received = Long.parseLong(m.get("received"));
                        exact &= received == sessions.get(client).get(i).eventsWritten()
                                && received == Long.parseLong(m.get("delivered")) + Long.parseLong(m.get("lost"))
                                && m.get("announcedLost").equals(m.get("lost"));
                    }
                    targets.add(new String[] {"Ping p99 < 20 ms during the slow-listener flood (" + stream + ")",
                            millis(p99) + " (p50 " + millis(p50) + ", " + timeouts + " timeouts)",
                            p99 < 20_000 && timeouts == 0 ? "yes" : "**no**"});
                    targets.add(new String[] {"every lost event counted and signalled to the listener (" + stream + ")",
                            exact ? "sent = received = delivered + lost, and signalled = lost, in every run"
                                    : "accounting mismatch, see the runs",
                            exact ? "yes" : "**no**"});
                    floodQueueCapacity = Long.parseLong(rs.get(0).get("queueCapacity"));
                    floodHeapKib = Math.max(floodHeapKib, medianOf(rs, "heapUsedAfterGcKib"));
                }
                for (int i = 0; i < rs.size(); i++) {
                    Map<String, String> m = rs.get(i);
                    boolean answered = !m.get("pings").equals("0");
                    detail.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %,d | %s | %s | %s | %s | %d | %s |%n",
                            stream, client, i + 1,
                            answered ? millis(Long.parseLong(m.get("pingP50Micros"))) : "-",
                            answered ? millis(Long.parseLong(m.get("pingP99Micros"))) : "-",
                            answered ? millis(Long.parseLong(m.get("pingMaxMicros"))) : "-", m.get("pings"), m.get("pingTimeouts"),
                            sessions.get(client).get(i).eventsWritten(), m.getOrDefault("received", "?"), m.get("delivered"),
                            m.getOrDefault("lost", "?"), m.get("announcedLost"), Long.parseLong(m.get("heapUsedAfterGcKib")) / 1024,
                            m.get("drainMillis")));
                }
            }
        }
        sb.append("\n<details><summary>every run</summary>\n\n| stream | client | run | p50 | p99 | max | pings | timeouts | sent | received | delivered | lost | signalled | heap MiB | drain ms |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        sb.append(detail).append("\n</details>\n\n");
        return sb.toString();
    }

    private long floodQueueCapacity;
    private long floodHeapKib = -1;

    private static long medianOf(List<Map<String, String>> rs, String key) {
        return Stats.median(rs.stream().map(m -> Long.parseLong(m.get(key))).toList());
    }

    private static String millis(long micros) {
        return micros >= 1_000_000 ? String.format(Locale.ROOT, "%,.2f s", micros / 1e6)
                : String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    // ---------------------------------------------------------------- event size and heap bound

    private String eventSize(Transcript t) throws Exception {
        Path file = transcripts.resolve(t.name() + ".s2c.raw");
        Map<String, String> res = fork("eventsize", "eventsize", file.toString());
        if (res == null) {
            return "## Client heap bound\n\nfailed, see " + logDir.resolve("eventsize.log") + "\n\n";
        }
        long capacity = floodQueueCapacity > 0 ? floodQueueCapacity
                : ConfroomClient.config(5038).eventQueueCapacity();
        long max = Long.parseLong(res.get("maxBytes"));
        long avg = Long.parseLong(res.get("avgBytes"));
        long shared = Long.parseLong(res.get("avgSharedBytes"));
        double boundMib = capacity * (double) max / (1 << 20);
        StringBuilder sb = new StringBuilder("## Client heap bound\n\n");
        sb.append(String.format(Locale.ROOT, "Deep size (JOL) of each of the %,d events of `%s` as the listener gets it "
                        + "(typed event, `AmiMessage`, arrays, strings): average %,d bytes, largest %,d bytes (`%s`); "
                        + "%,d bytes on average when the header names, which the decoder shares between messages, "
                        + "are counted once, as in a full queue.%n%n",
                Long.parseLong(res.get("events")), t.name(), avg, max, res.get("maxName"), shared));
        sb.append(String.format(Locale.ROOT, "Bound of the event backlog: queue capacity %,d (the default) x %,d bytes = "
                + "**%,.0f MiB** for this traffic", capacity, max, boundMib));
        if (floodHeapKib > 0) {
            sb.append(String.format(Locale.ROOT, "; measured heap in use with the queue full: %,d MiB", floodHeapKib / 1024));
            targets.add(new String[] {"client heap bounded (state the bound)",
                    String.format(Locale.ROOT, "%,d events x %,d B = %,.0f MiB; measured %,d MiB with the queue full",
                            capacity, max, boundMib, floodHeapKib / 1024), floodHeapKib / 1024.0 <= boundMib ? "yes" : "**no**"});
        }
        sb.append(". The capacity counts events, not bytes: a single event may reach the decoder limits "
                + "(64 KiB lines, 10,000 headers), so for arbitrary input the worst case is capacity x that size.\n\n");
        return sb.toString();
    }

    // ---------------------------------------------------------------- pipelining

    private String pipelining(Transcript t) throws Exception {
        int n = num("pings", 10_000);
        int rounds = num("ping-rounds", 5);
        int warmups = num("ping-warmups", 3);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "## Pipelining%n%n%,d Pings on one connection, all sent before any answer "
                + "is awaited (pipelined) vs each one sent after the previous answer arrived (one by one). The replay "
                + "server streams no events here. asterisk-java pipelines through `sendAction(action, callback)` and "
                + "goes one by one through the blocking `sendAction(action)`. Median of %d rounds after %d warm-up rounds, "
                + "in one JVM per client.%n%n", n, rounds, warmups));
        sb.append("| client | pipelined (round trips/s) | one by one (round trips/s) | pipelined / one by one |\n|---|---|---|---|\n");
        Map<String, double[]> rates = new LinkedHashMap<>();
        try (ReplayServer server = new ReplayServer(t, 0)) {
            for (String client : FLOOD_CLIENTS) {
                Map<String, String> res = fork("ping-" + client, "ping", client, Integer.toString(server.port()),
                        Integer.toString(n), Integer.toString(rounds), Integer.toString(warmups));
                if (res == null) {
                    sb.append("| ").append(LABELS.get(client)).append(" | failed | | |\n");
                    continue;
                }
                double pipelined = n / (Long.parseLong(res.get("pipelinedNanos")) / 1e9);
                double sequential = n / (Long.parseLong(res.get("sequentialNanos")) / 1e9);
                rates.put(client, new double[] {pipelined, sequential});
                headline(String.format(Locale.ROOT, "%,d Pings pipelined on one connection, round trips/s", n), client,
                        String.format(Locale.ROOT, "**%,.0f**", pipelined));
                headline(String.format(Locale.ROOT, "%,d Pings one by one, round trips/s", n), client,
                        String.format(Locale.ROOT, "%,.0f", sequential));
                sb.append(String.format(Locale.ROOT, "| %s | **%,.0f** | %,.0f | %.1fx |%n", LABELS.get(client), pipelined,
                        sequential, pipelined / sequential));
            }
        }
        double[] ours = rates.get("confroom");
        if (ours != null) {
            double[] aj = rates.get("asterisk-java");
            targets.add(new String[] {"pipelined Pings >= 100,000/s and >= 4x one by one",
                    String.format(Locale.ROOT, "%,.0f/s, %.1fx one by one%s", ours[0], ours[0] / ours[1],
                            aj == null ? "" : String.format(Locale.ROOT, ", %.1fx asterisk-java pipelined, %.1fx asterisk-java one by one",
                                    ours[0] / aj[0], ours[0] / aj[1])),
                    ours[0] >= 100_000 && ours[0] >= 4 * ours[1] ? "yes" : "**no**"});
        }
        sb.append('\n');
        return sb.toString();
    }

    // ---------------------------------------------------------------- JMH

    private String jmh() throws Exception {
        List<String> ids = Arrays.asList(opt.getOrDefault("jmh-transcripts", "19,20").split(","));
        int iterations = num("jmh-iterations", 5);
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(DecoderBenchmark.class.getName())
                .param("transcript", ids.toArray(new String[0]))
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx1g", "-Dami.transcripts=" + transcripts.toAbsolutePath())
                .addProfiler(GCProfiler.class)
                .output(logDir.resolve("jmh.log").toString());
        java.util.Collection<RunResult> results = new Runner(b.build()).run();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "## Decoder alone (JMH)%n%nOne operation decodes a whole recorded `.s2c.raw` stream "
                + "(banner, responses, events) fed in 64 KiB chunks. `decodeAndType` also builds the typed event of every "
                + "event (`AmiEvents.of`), as the client's reader does. JMH 1.37, 1 fork, 3 x 1 s warm-up, %d x 1 s "
                + "measurement, `-prof gc`; full output in `%s`.%n%n", iterations, logDir.resolve("jmh.log")));
        sb.append("| transcript | benchmark | MB/s | messages/s | bytes allocated per message |\n|---|---|---|---|---|\n");
        Map<String, String> rows = new TreeMap<>();
        for (RunResult rr : results) {
            String id = rr.getParams().getParam("transcript");
            String bench = rr.getParams().getBenchmark();
            bench = bench.substring(bench.lastIndexOf('.') + 1);
            Transcript t = Transcript.find(transcripts, id);
            byte[] bytes = Files.readAllBytes(transcripts.resolve(t.name() + ".s2c.raw"));
            long messages = DecoderBenchmark.countMessages(bytes);
            double ops = rr.getPrimaryResult().getScore();
            Result<?> norm = rr.getSecondaryResults().get("gc.alloc.rate.norm");
            double allocPerOp = norm == null ? Double.NaN : norm.getScore();
            rows.put(t.name() + bench, String.format(Locale.ROOT, "| `%s` (%,d bytes, %,d messages) | %s | %,.0f | %,.0f | %,.0f |%n",
                    t.name(), bytes.length, messages, bench, ops * bytes.length / 1e6, ops * messages, allocPerOp / messages));
        }
        rows.values().forEach(sb::append);
        sb.append('\n');
        return sb.toString();
    }

    // ---------------------------------------------------------------- forking

    /** Runs {@link ClientMain} in a new JVM; its stderr goes to a log file. @return its result line, or null */
    private Map<String, String> fork(String label, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ClientMain.class.getName());
        cmd.addAll(Arrays.asList(args));
        File log = logDir.resolve(label + ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectError(log).start();
        forks++;
        Map<String, String> result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(ResultLine.PREFIX)) {
                    result = ResultLine.parse(line);
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        System.err.println(label + (result == null ? ": FAILED, see " + log : ": " + result.entrySet().stream()
                .filter(e -> !e.getKey().equals("names") && !e.getKey().equals("rttMicros")).toList()));
        return result;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            Process p = new ProcessBuilder("lscpu").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            for (String line : out.split("\n")) {
                if (line.startsWith("Model name:")) {
                    return line.substring("Model name:".length()).trim();
                }
            }
        } catch (IOException | InterruptedException e) {
            // no lscpu
        }
        return "unknown";
    }
}
