package io.quire.bench.replication;

import io.quire.server.store.GitDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One lag configuration on a running cluster: open-loop writers at a fixed total rate spread over
 * every node, then the lag of each write from its acknowledgement on its node to its first sighting
 * on each other node.
 */
final class LagRun {
    /** The figures of one configuration. */
    record Outcome(int nodes, int rate, double issuedPerSecond, Samples ack, Samples slip, Samples pair, Samples all,
                   int unseen, int refused, int early, long[] maxLagPerSecond, long quietConvergeMillis, History history,
                   CpuLoad.Usage cpu) {
    }

    private final Cluster cluster;
    private final int rate;
    private final int warmupSeconds;
    private final int measureSeconds;

    LagRun(Cluster cluster, int rate, int warmupSeconds, int measureSeconds) {
        this.cluster = cluster;
        this.rate = rate;
        this.warmupSeconds = warmupSeconds;
        this.measureSeconds = measureSeconds;
    }

    Outcome run() throws Exception {
        int n = cluster.size();
        long interval = n * 1_000_000_000L / rate; // each node writes rate / n per second
        int capacity = (int) ((warmupSeconds + measureSeconds) * 1_000_000_000L / interval) + 2;
        List<WriteLog> logs = new ArrayList<>();
        for (int i = 0; i < n; i++) logs.add(new WriteLog(cluster.nodeName(i), capacity));
        Visibility vis = new Visibility(logs, capacity);
        vis.watch(cluster);
        long start = System.nanoTime() + 100_000_000L;
        long from = start + warmupSeconds * 1_000_000_000L;
        long to = from + measureSeconds * 1_000_000_000L;
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GitDatabase db = cluster.db(i);
            WriteLog log = logs.get(i);
            long offset = i * interval / n; // nodes take turns instead of writing at the same instants
            writers.add(Thread.ofPlatform().name("pacer-" + log.node).start(() -> pace(db, log, start + offset, interval, to)));
        }
        parkUntil(from);
        CpuLoad cpu = CpuLoad.start();
        parkUntil(to);
        CpuLoad.Usage used = cpu.stop();
        for (Thread t : writers) t.join();
        long lastWrite = System.nanoTime();
        Cluster.await("every write is seen on every other node", 120_000, () -> vis.behind() == 0);
        Cluster.await("every node has the same head", 120_000, cluster::converged);
        long quiet = (System.nanoTime() - lastWrite) / 1_000_000;
        vis.stop();
        return summarise(logs, vis, from, to, quiet, History.of(cluster.db(0).repository(), cluster.db(0).head()), used);
    }

    private static void pace(GitDatabase db, WriteLog log, long start, long interval, long end) {
        for (int k = 0; ; k++) {
            long due = start + k * interval;
            if (due >= end) return;
            parkUntil(due);
            log.issue(k, due, System.nanoTime());
            int w = k;
            // Open loop: the next write is due on time whether or not this one was acknowledged.
            db.commitAsync(Docs.put(Docs.id(log.key(k)), Docs.doc(log.node, k, 1)))
                    .whenComplete((r, e) -> log.acked.set(w, e == null ? System.nanoTime() : -1));
        }
    }

    private Outcome summarise(List<WriteLog> logs, Visibility vis, long from, long to, long quiet, History history, CpuLoad.Usage cpu) {
        Samples ack = new Samples(), slip = new Samples(), pair = new Samples(), all = new Samples();
        long[] maxPerSecond = new long[measureSeconds];
        int unseen = 0, refused = 0, early = 0, issued = 0;
        for (int x = 0; x < logs.size(); x++) {
            WriteLog log = logs.get(x);
            for (int k = 0; k < log.count(); k++) {
                if (log.scheduled[k] < from || log.scheduled[k] >= to) continue;
                issued++;
                long acked = log.acked.get(k);
                if (acked <= 0) {
                    refused++;
                    continue;
                }
                ack.add(acked - log.issued[k]);
                slip.add(log.issued[k] - log.scheduled[k]);
                long worst = 0;
                for (int y = 0; y < logs.size(); y++) {
                    if (y == x) continue;
                    long seen = vis.seen(x, y, k);
                    if (seen == 0) {
                        unseen++;
                        continue;
                    }
                    long lag = seen - acked;
                    if (lag < 0) { // seen before the acknowledging callback ran: counted as no lag
                        early++;
                        lag = 0;
                    }
                    pair.add(lag);
                    worst = Math.max(worst, lag);
                }
                all.add(worst);
                int second = (int) ((log.scheduled[k] - from) / 1_000_000_000L);
                maxPerSecond[second] = Math.max(maxPerSecond[second], worst / 1_000_000);
            }
        }
        return new Outcome(logs.size(), rate, issued / (double) measureSeconds, ack, slip, pair, all, unseen, refused, early,
                maxPerSecond, quiet, history, cpu);
    }

    static void parkUntil(long nanoTime) {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
    }
}
