package dev.gigstream.benchmark;

import java.util.Arrays;

/** Durations recorded from many threads, summarised as percentiles in milliseconds. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds, NaN when nothing was recorded. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }

    double max() {
        return percentileMillis(100);
    }

    @Override
    public String toString() {
        return String.format("n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms", count(), p50(), p99(), max());
    }
}
