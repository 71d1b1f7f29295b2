package io.quire.bench.replication;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one node wrote during a lag run: for its k-th write (document {@code <node>-<k>}), when it
 * was due, when it was submitted and when it was acknowledged (0 while pending, -1 when refused).
 */
final class WriteLog {
    final String node;
    final long[] scheduled;
    final long[] issued;
    final AtomicLongArray acked;
    private final AtomicInteger count = new AtomicInteger();

    WriteLog(String node, int capacity) {
        this.node = node;
        this.scheduled = new long[capacity];
        this.issued = new long[capacity];
        this.acked = new AtomicLongArray(capacity);
    }

    String key(int k) {
        return node + "-" + k;
    }

    /** Records write k as submitted; observers look only at writes below {@link #count()}. */
    void issue(int k, long due, long now) {
        scheduled[k] = due;
        issued[k] = now;
        count.set(k + 1);
    }

    int count() {
        return count.get();
    }

    boolean failed(int k) {
        return acked.get(k) < 0;
    }
}
