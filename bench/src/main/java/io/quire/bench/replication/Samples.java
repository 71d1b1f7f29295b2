package io.quire.bench.replication;

import java.util.Arrays;

/** A growing list of durations in nanoseconds with percentiles in milliseconds (single-threaded use). */
final class Samples {
    private long[] nanos = new long[1 << 10];
    private int n;
    private boolean sorted = true;

    void add(long v) {
        if (n == nanos.length) nanos = Arrays.copyOf(nanos, n * 2);
        nanos[n++] = v;
        sorted = false;
    }

    int count() {
        return n;
    }

    /** The {@code p}-quantile (0..1) in milliseconds, nearest rank; NaN when empty. */
    double millis(double p) {
        if (n == 0) return Double.NaN;
        if (!sorted) {
            Arrays.sort(nanos, 0, n);
            sorted = true;
        }
        int i = (int) Math.min(n - 1, Math.ceil(p * n) - 1);
        return nanos[Math.max(0, i)] / 1e6;
    }

    /** How many samples exceed {@code limitNanos}. */
    int above(long limitNanos) {
        int c = 0;
        for (int i = 0; i < n; i++) if (nanos[i] > limitNanos) c++;
        return c;
    }

    /** p50 / p99 / max, for one table cell. */
    String summary() {
        return MdTable.num(millis(0.5), 1) + " / " + MdTable.num(millis(0.99), 1) + " / " + MdTable.num(millis(1.0), 0);
    }
}
