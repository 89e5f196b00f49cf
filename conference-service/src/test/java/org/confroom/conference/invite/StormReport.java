package org.confroom.conference.invite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Markdown report of the invite storms: settings, machine, the storm without faults, the storms with faults. */
final class StormReport {
    private StormReport() {
    }

    /** @return one line per storm for the test log */
    static String line(StormResult r) {
        return String.format(Locale.ROOT,
                "invite storm seed %d: %d attempts in %.1f s, faults %s, outcomes %s, lost %d, duplicates %d, never reached %d, "
                        + "unknown %d (reconciled %d), wrong outcome %d, final transitions != 1: %d, updates after final %d, "
                        + "peak ringing %d (room %d), handoff p50 %s p99 %s max %s, send p50 %s p99 %s, claim p50 %s p99 %s, originates %s%s",
                r.plan().seed(), r.attempts(), r.took().toMillis() / 1000.0, r.faultsFired(), r.outcomes(), r.lost(), r.duplicates(),
                r.neverReached(), r.outcomeUnknown(), r.unknownReconciled(), r.wrongOutcome(), r.finalNoticesNot1(), r.updatesAfterFinal(), r.peakRinging(),
                r.peakRingingPerRoom(), ms(r.handoff().quantileNanos(0.5)), ms(r.handoff().quantileNanos(0.99)),
                ms(r.handoff().maxNanos()), ms(r.send().quantileNanos(0.5)), ms(r.send().quantileNanos(0.99)), ms(r.claim().quantileNanos(0.5)), ms(r.claim().quantileNanos(0.99)),
                r.originateOutcomes(), r.problems().isEmpty() ? "" : ", problems " + r.problems());
    }

    static void write(StormSettings s, List<StormResult> clean, List<StormResult> faulted) throws IOException {
        if (clean.isEmpty() && faulted.isEmpty()) {
            return;
        }
        List<String> out = new ArrayList<>();
        out.add("# Invite storm and connection faults");
        out.add("");
        out.add("Measured by `" + s.command() + "` on " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + ": "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.vm.version")
                + ", load average " + loadAverage() + " at the end. Simulator time scale 0.05, ring timeout 10 s (0.5 s), "
                + "no retries, no cooldown; caps " + s.capRoom() + " per room, " + s.capPbx() + " per PBX; "
                + s.numbers() + " numbers into " + s.rooms() + " rooms per storm (40 % answer, 20 % busy 8XXX, 20 % congestion 7XXX, "
                + "20 % no answer 9XXX); first seed " + s.firstSeed() + ".");
        out.add("");
        out.add("Dispatcher overhead = from the commit of a claim to the Originate handed to the AMI client's writer, per "
                + "Originate (the n-th Originate of one claim includes the n-1 before it); the claim transaction is shown apart. "
                + "Concurrency = originated calls ringing at once on the simulator (created, not yet in the conference, not hung up).");
        out.add("");
        out.add("| | target | storm without faults | " + faulted.size() + " storms with connection faults |");
        out.add("|---|---|---|---|");
        row(out, "attempts", "", sum(clean, StormResult::attempts), sum(faulted, StormResult::attempts));
        row(out, "dispatcher overhead p50 / p99 / max", "p99 < 1 ms", handoff(merge(clean, StormResult::handoff)),
                handoff(merge(faulted, StormResult::handoff)));
        row(out, "one Originate built and handed over p50 / p99 / max", "", handoff(merge(clean, StormResult::send)),
                handoff(merge(faulted, StormResult::send)));
        row(out, "claim transaction p50 / p99 / max (per round that claimed)", "", handoff(merge(clean, StormResult::claim)),
                handoff(merge(faulted, StormResult::claim)));
        row(out, "most ringing at once, PBX (cap " + s.capPbx() + ")", "<= cap", max(clean, StormResult::peakRinging),
                max(faulted, StormResult::peakRinging));
        row(out, "most ringing at once, one room (cap " + s.capRoom() + ")", "<= cap", max(clean, StormResult::peakRingingPerRoom),
                max(faulted, StormResult::peakRingingPerRoom));
        row(out, "duplicate Originates (per ChannelId, seen by the PBX)", "0", sum(clean, StormResult::duplicates),
                sum(faulted, StormResult::duplicates));
        row(out, "lost attempts (not final at the end)", "0", sum(clean, StormResult::lost), sum(faulted, StormResult::lost));
        row(out, "attempts without exactly one final transition", "0", sum(clean, StormResult::finalNoticesNot1),
                sum(faulted, StormResult::finalNoticesNot1));
        row(out, "changes of a final attempt that kept its state (channel name learned late)", "", sum(clean,
                r -> (int) r.updatesAfterFinal()), sum(faulted, r -> (int) r.updatesAfterFinal()));
        row(out, "outcome unknown -> reconciled", "all", sum(clean, StormResult::outcomeUnknown) + " -> "
                + sum(clean, StormResult::unknownReconciled), sum(faulted, StormResult::outcomeUnknown) + " -> "
                + sum(faulted, StormResult::unknownReconciled));
        row(out, "Originate never reached the PBX (all FAILED LOST)", "", sum(clean, StormResult::neverReached),
                sum(faulted, StormResult::neverReached));
        row(out, "outcome contradicting the dialplan", "0", sum(clean, StormResult::wrongOutcome), sum(faulted, StormResult::wrongOutcome));
        row(out, "faults that struck", "", "0", faulted.stream().flatMap(r -> r.faultsFired().stream())
                .collect(Collectors.groupingBy(k -> k, java.util.TreeMap::new, Collectors.counting())).toString());
        row(out, "storm duration p50 / max", "", durations(clean), durations(faulted));
        out.add("");
        out.add("## Every storm");
        out.add("");
        out.add("| seed | faults | outcomes | unknown -> reconciled | never reached | duplicates | lost | peak PBX / room | overhead p99 | took |");
        out.add("|---|---|---|---|---|---|---|---|---|---|");
        for (StormResult r : concat(clean, faulted)) {
            out.add(String.format(Locale.ROOT, "| %d | %s | %s | %d -> %d | %d | %d | %d | %d / %d | %s | %.1f s |", r.plan().seed(),
                    r.faultsFired().isEmpty() ? "none" : r.faultsFired(), r.outcomes(), r.outcomeUnknown(), r.unknownReconciled(),
                    r.neverReached(), r.duplicates(), r.lost(), r.peakRinging(), r.peakRingingPerRoom(),
                    ms(r.handoff().quantileNanos(0.99)), r.took().toMillis() / 1000.0));
        }
        List<String> problems = concat(clean, faulted).stream()
                .flatMap(r -> r.problems().stream().map(p -> "- seed " + r.plan().seed() + ": " + p)).toList();
        if (!problems.isEmpty()) {
            out.add("");
            out.add("## Problems");
            out.add("");
            out.addAll(problems);
        }
        Path file = s.report().toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        System.out.println("invite storm report: " + file);
    }

    private static void row(List<String> out, String what, String target, Object clean, Object faulted) {
        out.add("| " + what + " | " + target + " | " + clean + " | " + faulted + " |");
    }

    private static List<StormResult> concat(List<StormResult> a, List<StormResult> b) {
        List<StormResult> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static LatencyHistogram.Snapshot merge(List<StormResult> rs,
            java.util.function.Function<StormResult, LatencyHistogram.Snapshot> which) {
        LatencyHistogram.Snapshot total = null;
        for (StormResult r : rs) {
            LatencyHistogram.Snapshot s = which.apply(r);
            total = total == null ? s : total.plus(s);
        }
        return total;
    }

    private static String handoff(LatencyHistogram.Snapshot s) {
        if (s == null || s.count() == 0) {
            return "n/a";
        }
        return ms(s.quantileNanos(0.5)) + " / " + ms(s.quantileNanos(0.99)) + " / " + ms(s.maxNanos()) + " (" + s.count() + ")";
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static int sum(List<StormResult> rs, java.util.function.ToIntFunction<StormResult> f) {
        return rs.stream().mapToInt(f).sum();
    }

    private static String max(List<StormResult> rs, java.util.function.ToIntFunction<StormResult> f) {
        return rs.isEmpty() ? "n/a" : Integer.toString(rs.stream().mapToInt(f).max().getAsInt());
    }

    private static String durations(List<StormResult> rs) {
        if (rs.isEmpty()) {
            return "n/a";
        }
        List<Long> ms = rs.stream().map(r -> r.took().toMillis()).sorted().toList();
        return String.format(Locale.ROOT, "%.1f s / %.1f s", ms.get((ms.size() - 1) / 2) / 1000.0, ms.get(ms.size() - 1) / 1000.0);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
