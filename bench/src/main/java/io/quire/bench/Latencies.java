package io.quire.bench;

import java.util.Arrays;
import java.util.List;

/** Latency samples of one thread (no locking: each thread owns one), merged for percentiles. */
final class Latencies {
    private long[] nanos = new long[1 << 12];
    private int n;

    void add(long v) {
        if (n == nanos.length) nanos = Arrays.copyOf(nanos, n * 2);
        nanos[n++] = v;
    }

    int count() {
        return n;
    }

    /** Sorted samples of all threads. */
    static long[] merged(List<Latencies> all) {
        long[] out = new long[all.stream().mapToInt(Latencies::count).sum()];
        int at = 0;
        for (Latencies l : all) {
            System.arraycopy(l.nanos, 0, out, at, l.n);
            at += l.n;
        }
        Arrays.sort(out);
        return out;
    }

    /** The {@code p}-quantile (0..1) of sorted samples, in milliseconds. */
    static double millis(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
