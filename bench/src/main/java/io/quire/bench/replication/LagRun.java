package io.quire.bench.replication;

import io.quire.server.store.GitDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One lag configuration on a running cluster: open-loop writers at a fixed total rate spread over
 * the writing nodes, then the lag of each write from its acknowledgement on its node to its first
 * sighting on each other node.
 */
final class LagRun {
    /**
     * The figures of one configuration. {@code clean}: the lags whose interval (acknowledgement to
     * sighting) overlaps no writer repack on any node.
     */
    record Outcome(int nodes, int writers, int rate, double issuedPerSecond, Samples ack, Samples slip, Samples pair, Samples all,
                   Samples clean, int unseen, int refused, long[] maxLagPerSecond, long quietConvergeMillis, History history,
                   CpuLoad.Usage cpu) {
    }

    /** How long the cluster may take to show every write everywhere and agree on one head once writes stop. */
    static final long SETTLE_MILLIS = Long.getLong("quire.bench.repl.settle", 120) * 1000;

    private final Cluster cluster;
    private final ServerLog serverLog;
    private final int writers;
    private final int rate;
    private final int warmupSeconds;
    private final int measureSeconds;

    LagRun(Cluster cluster, ServerLog serverLog, int writers, int rate, int warmupSeconds, int measureSeconds) {
        this.cluster = cluster;
        this.serverLog = serverLog;
        this.writers = writers;
        this.rate = rate;
        this.warmupSeconds = warmupSeconds;
        this.measureSeconds = measureSeconds;
    }

    Outcome run() throws Exception {
        long interval = writers * 1_000_000_000L / rate; // each writing node writes rate / writers per second
        int capacity = (int) ((warmupSeconds + measureSeconds) * 1_000_000_000L / interval) + 2;
        List<WriteLog> logs = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) logs.add(new WriteLog(cluster.nodeName(i), capacity));
        Visibility vis = new Visibility(logs, capacity);
        vis.watch(cluster);
        long epochOffsetMillis = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        long start = System.nanoTime() + 100_000_000L;
        long from = start + warmupSeconds * 1_000_000_000L;
        long to = from + measureSeconds * 1_000_000_000L;
        List<Thread> pacers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            GitDatabase db = cluster.db(i);
            WriteLog log = logs.get(i);
            long offset = i * interval / writers; // nodes take turns instead of writing at the same instants
            pacers.add(Thread.ofPlatform().name("pacer-" + log.node).start(() -> pace(db, log, start + offset, interval, to)));
        }
        parkUntil(from);
        CpuLoad cpu = CpuLoad.start();
        parkUntil(to);
        CpuLoad.Usage used = cpu.stop();
        for (Thread t : pacers) t.join();
        long lastWrite = System.nanoTime();
        // A run that does not settle is a result too: unseen writes and a -1 convergence time are reported.
        boolean settled = Cluster.within(SETTLE_MILLIS, () -> vis.behind() == 0) && Cluster.within(SETTLE_MILLIS, cluster::converged);
        long quiet = settled ? (System.nanoTime() - lastWrite) / 1_000_000 : -1;
        vis.stop();
        long[][] repacks = serverLog.seen("compacted").stream()
                .map(s -> new long[]{(s.at() - s.ms() - epochOffsetMillis) * 1_000_000, (s.at() - epochOffsetMillis) * 1_000_000}).toArray(long[][]::new);
        return summarise(logs, vis, from, to, quiet, repacks, History.of(cluster.db(0).repository(), cluster.db(0).head()), used);
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

    private Outcome summarise(List<WriteLog> logs, Visibility vis, long from, long to, long quiet, long[][] repacks, History history,
                              CpuLoad.Usage cpu) {
        Samples ack = new Samples(), slip = new Samples(), pair = new Samples(), all = new Samples(), clean = new Samples();
        long[] maxPerSecond = new long[measureSeconds];
        int unseen = 0, refused = 0, issued = 0;
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
                    long lag = Math.max(0, seen - acked); // < 0: seen before the acknowledging callback ran
                    pair.add(lag);
                    if (!overlaps(repacks, acked, seen)) clean.add(lag);
                    worst = Math.max(worst, lag);
                }
                all.add(worst);
                int second = (int) ((log.scheduled[k] - from) / 1_000_000_000L);
                maxPerSecond[second] = Math.max(maxPerSecond[second], worst / 1_000_000);
            }
        }
        return new Outcome(logs.size(), writers, rate, issued / (double) measureSeconds, ack, slip, pair, all, clean, unseen, refused,
                maxPerSecond, quiet, history, cpu);
    }

    /** Whether [from, to] (nanoTime) overlaps one of the intervals; a 1 ms margin covers the log's millisecond clock. */
    private static boolean overlaps(long[][] intervals, long from, long to) {
        for (long[] i : intervals) if (i[0] - 1_000_000 <= to && from <= i[1] + 1_000_000) return true;
        return false;
    }

    static void parkUntil(long nanoTime) {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
    }
}
