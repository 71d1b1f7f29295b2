package io.quire.bench.replication;

import io.quire.server.prune.Maintenance;
import io.quire.server.store.GitDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One size configuration on a running cluster: paced updates of random documents spread over every
 * node, the benchmark's periodic maintenance, then the repositories measured twice: as the run left
 * them (after the nodes converged) and after one more forced {@code Maintenance.run} per node.
 */
final class SizeRun {
    /** Unacknowledged writes allowed per node before the pacer waits: bounds memory if the nodes fall behind. */
    private static final int MAX_IN_FLIGHT = 2_000;
    private static final long CONVERGE_MILLIS = LagRun.SETTLE_MILLIS;

    /**
     * @param groupCommits distinct commits that acknowledged the benchmark's writes, summed over nodes
     * @param prunes       maintenance runs (the benchmark's, including the final ones) that moved a horizon
     */
    record Outcome(long writeMillis, int refused, int groupCommits, int prunes, int maintenanceRepacks, int maintenanceFailures, boolean converged,
                   List<RepoStats> atEnd, List<RepoStats> afterFinal) {
    }

    private final Cluster cluster;
    private final List<Set<String>> peers;
    private final int updates;
    private final int docs;
    private final int rate;
    private final int maintenanceSeconds;
    private final AtomicInteger prunes = new AtomicInteger();
    private final AtomicInteger repacks = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    SizeRun(Cluster cluster, List<Set<String>> peers, int updates, int docs, int rate, int maintenanceSeconds) {
        this.cluster = cluster;
        this.peers = peers;
        this.updates = updates;
        this.docs = docs;
        this.rate = rate;
        this.maintenanceSeconds = maintenanceSeconds;
    }

    Outcome run() throws Exception {
        int n = cluster.size();
        ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bench-maintenance").factory());
        for (int i = 0; i < n; i++) {
            int node = i;
            maintenance.scheduleWithFixedDelay(() -> maintain(node, false), maintenanceSeconds, maintenanceSeconds, TimeUnit.SECONDS);
        }
        long interval = n * 1_000_000_000L / rate;
        AtomicInteger refused = new AtomicInteger();
        Set<String> commits = ConcurrentHashMap.newKeySet();
        long t0 = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GitDatabase db = cluster.db(i);
            String origin = cluster.nodeName(i);
            long start = t0 + i * interval / n;
            int count = updates / n + (i < updates % n ? 1 : 0);
            writers.add(Thread.ofPlatform().name("updater-" + origin).start(() -> update(db, origin, start, interval, count, refused, commits)));
        }
        for (Thread t : writers) t.join();
        long writeMillis = (System.nanoTime() - t0) / 1_000_000;
        maintenance.shutdown();
        maintenance.awaitTermination(10, TimeUnit.MINUTES);
        // Nodes that cannot converge are measured as they are: the outcome says so.
        boolean converged = Cluster.within(CONVERGE_MILLIS, cluster::converged);
        List<RepoStats> atEnd = stats();
        for (int i = 0; i < n; i++) maintain(i, true);
        return new Outcome(writeMillis, refused.get(), commits.size(), prunes.get(), repacks.get(), failures.get(), converged, atEnd, stats());
    }

    private void update(GitDatabase db, String origin, long start, long interval, int count, AtomicInteger refused, Set<String> commits) {
        SplittableRandom rnd = new SplittableRandom(origin.hashCode());
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        for (int k = 0; k < count; k++) {
            LagRun.parkUntil(start + k * interval);
            inFlight.acquireUninterruptibly();
            int d = rnd.nextInt(docs);
            db.commitAsync(Docs.put(Docs.id("d-" + d), Docs.doc(origin, k, k))).whenComplete((r, e) -> {
                if (e != null) refused.incrementAndGet();
                else commits.add(r.commit());
                inFlight.release();
            });
        }
        inFlight.acquireUninterruptibly(MAX_IN_FLIGHT);
    }

    private void maintain(int node, boolean force) {
        try {
            Maintenance.Outcome o = Maintenance.run(cluster.db(node), peers.get(node), force);
            if (o.repacked()) repacks.incrementAndGet();
            if (o.prunedAt() != null) prunes.incrementAndGet();
        } catch (RuntimeException e) {
            // A failing run is reported by the node's own log (event=maintenance_failed) and must not stop the schedule.
            failures.incrementAndGet();
        }
    }

    private List<RepoStats> stats() throws IOException {
        List<RepoStats> out = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) out.add(RepoStats.of(cluster.db(i).repository(), cluster.db(i).head()));
        return out;
    }
}
