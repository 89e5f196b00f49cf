package org.confroom.conference.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Unit: bucket bounds, quantiles within the stated 1/16 error, differences of snapshots. */
class LatencyHistogramTest {
    @Test
    void everyValueFallsIntoABucketWhoseUpperBoundIsAtMostOneSixteenthAbove() {
        Random r = new Random(8);
        for (int i = 0; i < 100_000; i++) {
            long v = i < 1000 ? i : (long) Math.exp(r.nextDouble() * Math.log(Long.MAX_VALUE / 2.0));
            int b = LatencyHistogram.index(v);
            long upper = LatencyHistogram.upperBound(b);
            assertThat(upper).as("upper bound of %d", v).isGreaterThanOrEqualTo(v);
            assertThat(b == 0 || LatencyHistogram.upperBound(b - 1) < v).as("previous bucket ends below %d", v).isTrue();
            assertThat((double) (upper - v)).isLessThanOrEqualTo(v / 16.0);
        }
        assertThat(LatencyHistogram.index(Long.MAX_VALUE)).isLessThan(64 * 16);
    }

    @Test
    void quantilesAreThoseOfTheRecordedValuesWithinTheBucketError() {
        LatencyHistogram h = new LatencyHistogram();
        Random r = new Random(42);
        long[] values = new long[10_001];
        for (int i = 0; i < values.length; i++) {
            values[i] = 50_000 + r.nextInt(2_000_000);
            h.record(values[i]);
        }
        Arrays.sort(values);
        LatencyHistogram.Snapshot s = h.snapshot();
        assertThat(s.count()).isEqualTo(values.length);
        for (double q : new double[] {0.5, 0.9, 0.99, 1.0}) {
            long exact = values[(int) Math.ceil(q * values.length) - 1];
            assertThat(s.quantileNanos(q)).as("q=%s", q).isBetween(exact, exact + exact / 16);
        }
        assertThat(s.maxNanos()).isEqualTo(s.quantileNanos(1));
        assertThatThrownBy(() -> s.quantileNanos(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }

    @Test
    void aDifferenceOfSnapshotsHoldsOnlyWhatCameInBetween() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(10_000_000);
        h.record(-5); // counted as 0
        LatencyHistogram.Snapshot before = h.snapshot();
        h.record(1_000);
        h.record(2_000);
        LatencyHistogram.Snapshot between = h.snapshot().minus(before);
        assertThat(between.count()).isEqualTo(2);
        assertThat(between.quantileNanos(0.5)).isBetween(1_000L, 1_063L);
        assertThat(between.maxNanos()).isBetween(2_000L, 2_125L);
        assertThat(new LatencyHistogram().snapshot().quantileNanos(0.99)).isZero();
    }
}
