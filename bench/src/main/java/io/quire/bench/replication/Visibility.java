package io.quire.bench.replication;

import io.quire.server.store.GitDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Records when each write of each node becomes readable on each other node. A head listener on
 * every node (called after each head move, on the node's notifier thread, right after the
 * replicator's own listener) reads the next expected documents of every origin with
 * {@code GitDatabase.get}. One origin's writes become visible elsewhere in the order they were
 * submitted (one writer thread commits them in queue order, and a replica that has a commit has its
 * ancestors), so a cursor per (origin, observer) advances while the next document is there, and a
 * head change costs one failed read per origin.
 */
final class Visibility {
    private final List<WriteLog> logs;
    private final AtomicLongArray[][] seen;
    private final AtomicIntegerArray[] cursor;
    private final List<AutoCloseable> listeners = new ArrayList<>();

    Visibility(List<WriteLog> logs, int capacity) {
        this.logs = logs;
        int n = logs.size();
        seen = new AtomicLongArray[n][n];
        cursor = new AtomicIntegerArray[n];
        for (int x = 0; x < n; x++) {
            cursor[x] = new AtomicIntegerArray(n);
            for (int y = 0; y < n; y++) seen[x][y] = new AtomicLongArray(x == y ? 0 : capacity);
        }
    }

    /** Starts watching every node of the cluster. */
    void watch(Cluster c) {
        for (int y = 0; y < c.size(); y++) {
            int observer = y;
            GitDatabase db = c.db(y);
            listeners.add(db.onHeadChange(change -> advance(observer, db, System.nanoTime())));
        }
    }

    private void advance(int y, GitDatabase db, long now) {
        for (int x = 0; x < logs.size(); x++) {
            if (x == y) continue;
            WriteLog log = logs.get(x);
            int k = cursor[x].get(y);
            int issued = log.count();
            while (k < issued && (log.failed(k) || db.get(Docs.id(log.key(k))).isPresent())) {
                seen[x][y].set(k, now);
                k++;
            }
            cursor[x].set(y, k);
        }
    }

    /** When write k of origin x was first seen on y (nanoTime), 0 when not yet. */
    long seen(int x, int y, int k) {
        return seen[x][y].get(k);
    }

    /** Writes not yet seen on some other node. */
    int behind() {
        int b = 0;
        for (int x = 0; x < logs.size(); x++)
            for (int y = 0; y < logs.size(); y++) if (x != y) b += logs.get(x).count() - cursor[x].get(y);
        return b;
    }

    void stop() throws Exception {
        for (AutoCloseable l : listeners) l.close();
    }
}
