package org.confroom.ami.sim;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counts framing anomalies in what clients send, across all sessions; each session scans with its own {@link Scan}. */
final class WireInspector {
    private static final int EXCERPT = 80;

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong actions = new AtomicLong();
    private final AtomicLong nul = new AtomicLong();
    private final AtomicLong bareCr = new AtomicLong();
    private final AtomicLong bareLf = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicReference<String> first = new AtomicReference<>("");

    WireStats snapshot() {
        return new WireStats(bytes.get(), actions.get(), nul.get(), bareCr.get(), bareLf.get(), malformed.get(), first.get());
    }

    void reset() {
        bytes.set(0);
        actions.set(0);
        nul.set(0);
        bareCr.set(0);
        bareLf.set(0);
        malformed.set(0);
        first.set("");
    }

    void action() {
        actions.incrementAndGet();
    }

    void malformed(String reason) {
        malformed.incrementAndGet();
        first.compareAndSet("", "malformed: " + reason);
    }

    Scan newScan() {
        return new Scan();
    }

    /** One session's scan: remembers whether its last byte was a CR, as a CRLF may be split across reads. */
    final class Scan {
        private boolean afterCr;

        void scan(byte[] b, int len) {
            bytes.addAndGet(len);
            for (int i = 0; i < len; i++) {
                byte c = b[i];
                if (afterCr && c != '\n') {
                    anomaly(bareCr, b, i - 1, len);
                }
                if (c == '\n' && !afterCr) {
                    anomaly(bareLf, b, i, len);
                } else if (c == 0) {
                    anomaly(nul, b, i, len);
                }
                afterCr = c == '\r';
            }
        }

        private void anomaly(AtomicLong counter, byte[] b, int at, int len) {
            counter.incrementAndGet();
            if (first.get().isEmpty()) {
                int from = Math.max(0, at - EXCERPT);
                String text = new String(b, from, Math.min(len, at + EXCERPT) - from, StandardCharsets.UTF_8);
                first.compareAndSet("", text.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0"));
            }
        }
    }
}
