package org.confroom.conference.invite;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Durations in nanoseconds, counted in log-linear buckets: exact below 16 ns, then 16 buckets per power
 * of two, so a percentile is read with at most 1/16 (6.25 %) relative error. Recording is one atomic
 * increment, cheap enough to stay on in production paths; readers take a {@link Snapshot}.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS + 1) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Counts one duration; negative values count as 0. */
    public void record(long nanos) {
        counts.incrementAndGet(index(Math.max(0, nanos)));
    }

    /** @return the counts now */
    public Snapshot snapshot() {
        long[] c = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            c[i] = counts.get(i);
        }
        return new Snapshot(c);
    }

    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int msb = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (msb - SUB_BITS)) & (SUB - 1));
        return (msb - SUB_BITS + 1) * SUB + sub;
    }

    /** @return the largest value that falls into bucket {@code i} */
    static long upperBound(int i) {
        if (i < SUB) {
            return i;
        }
        int msb = i / SUB + SUB_BITS - 1;
        long lower = (long) (SUB + i % SUB) << (msb - SUB_BITS);
        return lower + (1L << (msb - SUB_BITS)) - 1;
    }

    /** The counts of a histogram at one moment; two snapshots give the counts in between ({@link #minus}). */
    public static final class Snapshot {
        private final long[] counts;
        private final long total;

        Snapshot(long[] counts) {
            this.counts = counts;
            long t = 0;
            for (long c : counts) {
                t += c;
            }
            this.total = t;
        }

        /** @return how many durations were counted */
        public long count() {
            return total;
        }

        /**
         * @param q the quantile, 0 to 1 (0.5 = median, 0.99 = p99)
         * @return the upper bound of the bucket holding that quantile, in nanoseconds; 0 when empty
         */
        public long quantileNanos(double q) {
            if (q < 0 || q > 1) {
                throw new IllegalArgumentException("a quantile is between 0 and 1, not " + q);
            }
            if (total == 0) {
                return 0;
            }
            long rank = Math.max(1, (long) Math.ceil(q * total));
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return upperBound(i);
                }
            }
            return upperBound(counts.length - 1);
        }

        /** @return the upper bound of the highest non-empty bucket, in nanoseconds; 0 when empty */
        public long maxNanos() {
            return quantileNanos(1);
        }

        /** @return the durations of both snapshots together (of two histograms, or two disjoint differences) */
        public Snapshot plus(Snapshot other) {
            long[] d = new long[counts.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = counts[i] + other.counts[i];
            }
            return new Snapshot(d);
        }

        /** @return the durations counted since {@code earlier} (a snapshot of the same histogram) */
        public Snapshot minus(Snapshot earlier) {
            long[] d = new long[counts.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = counts[i] - earlier.counts[i];
            }
            return new Snapshot(d);
        }
    }
}
