package org.confroom.web.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Figures of a harness run as Markdown. The CI run writes to {@code web-ui/target/harness/}; the harness
 * command ({@code benchmarks/web-harness}) passes {@code -Dharness.report.dir} to write where the README quotes them.
 */
public final class HarnessReport {
    private final String title;
    private final List<String> lines = new ArrayList<>();

    public HarnessReport(String title, String command) {
        this.title = title;
        lines.add("# " + title);
        lines.add("");
        lines.add("Measured by `" + command + "` on " + LocalDate.now() + ": " + Runtime.getRuntime().availableProcessors()
                + " CPUs, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ", load average "
                + loadAverage() + " at the end. Loopback only; the app, the simulator, PostgreSQL and the load generator share the machine.");
        lines.add("");
    }

    /** @return the value of system property {@code name}, or {@code ciValue} */
    public static int size(String name, int ciValue) {
        return Integer.getInteger(name, ciValue);
    }

    /** @return true when the harness command runs (full sizes), false in CI */
    public static boolean fullRun() {
        return System.getProperty("harness.report.dir") != null;
    }

    public HarnessReport line(String text) {
        lines.add(text);
        return this;
    }

    /** @return p-th percentile (nearest rank) of the values */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** @return "p50 / p99 / max" of the values in milliseconds */
    public static String summary(double[] millis) {
        return String.format(java.util.Locale.ROOT, "%.1f / %.1f / %.1f ms", percentile(millis, 50), percentile(millis, 99),
                percentile(millis, 100));
    }

    /** Writes the report to {@code <dir>/<file>} and prints it. */
    public Path write(String file) {
        Path dir = Path.of(System.getProperty("harness.report.dir", "target/harness"));
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve(file);
            Files.write(out, lines);
            System.out.println(String.join("\n", lines));
            System.out.println("(" + title + " written to " + out.toAbsolutePath() + ")");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
