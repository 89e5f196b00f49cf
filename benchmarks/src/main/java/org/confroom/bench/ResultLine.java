package org.confroom.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a forked client reports to the orchestrator: one stdout line {@code RESULT<TAB>key=value<TAB>...}.
 * Values contain no tabs or line breaks.
 */
final class ResultLine {
    static final String PREFIX = "RESULT\t";

    private ResultLine() {
    }

    static String format(Map<String, ?> values) {
        return PREFIX + values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\t"));
    }

    static Map<String, String> parse(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : line.substring(PREFIX.length()).split("\t")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return out;
    }

    /** @return {@code Name:count,Name:count} */
    static String names(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    static Map<String, Long> parseNames(String s) {
        Map<String, Long> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String part : s.split(",")) {
            int colon = part.lastIndexOf(':');
            out.merge(part.substring(0, colon), Long.parseLong(part.substring(colon + 1)), Long::sum);
        }
        return out;
    }

    /** @return peak resident set size of this process in KiB ({@code VmHWM}), -1 where /proc is missing */
    static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    /** @return the JVM's maximum heap in MiB */
    static long maxHeapMib() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20;
    }
}
