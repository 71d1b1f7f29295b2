package io.quire.bench.replication;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.server.store.GitDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Convergence after a partition: two nodes reach each other only through {@link Gate}s; the gates
 * are cut, each side makes 10,000 writes (half to ids both sides write, half to its own), the
 * partition holds a while, then the gates heal and the time until both heads are the same commit
 * is measured. Several trials, each on a fresh pair, because the result depends on where the heal
 * falls in the replicators' timers.
 */
final class PartitionBenchmark implements ReplicationBenchmark {
    static final int WRITES_PER_SIDE = Integer.getInteger("quire.bench.repl.partition.writes", 10_000);
    static final int TRIALS = Integer.getInteger("quire.bench.repl.partition.trials", 5);
    static final int HOLD_S = Integer.getInteger("quire.bench.repl.partition.hold", 5);
    static final long TARGET_MS = 5_000;

    private final ServerLog serverLog;

    PartitionBenchmark(ServerLog serverLog) {
        this.serverLog = serverLog;
    }

    /** One trial: timings from the heal (ms), and what the two sides held. */
    private record Trial(long writeMillis, int refused, long firstChangeA, long firstChangeB, long converged, int failedPushes,
                         String merges, long documents, boolean fieldsMerged) {
    }

    @Override
    public String name() {
        return "repl-partition";
    }

    @Override
    public String about() {
        return "time to converge after a partition in which each of 2 nodes made " + WRITES_PER_SIDE + " writes (" + TRIALS
                + " trials, partition held " + HOLD_S + " s after the writes)";
    }

    @Override
    public List<Result> run(Scratch scratch, PrintStream out) throws Exception {
        MdTable t = new MdTable("trial", "writes per side took ms", "refused", "push attempts failed in the partition",
                "first head change on a after heal ms", "on b ms", "both heads equal after heal ms", "merges, from..to ms after heal",
                "documents on each side", "shared doc merged both sides");
        long worst = 0;
        List<Long> all = new ArrayList<>();
        for (int i = 1; i <= TRIALS; i++) {
            Trial r = trial(scratch, out, i);
            t.row(i, r.writeMillis(), r.refused(), r.failedPushes(), r.firstChangeA(), r.firstChangeB(), r.converged(), r.merges(),
                    MdTable.num(r.documents(), 0), r.fieldsMerged() ? "yes" : "NO");
            worst = Math.max(worst, r.converged());
            all.add(r.converged());
        }
        t.print(out);
        List<Long> sorted = all.stream().sorted().toList();
        String value = "max " + MdTable.num(worst, 0) + " ms, median " + MdTable.num(sorted.get(sorted.size() / 2), 0) + " ms, all " + all;
        return List.of(Result.against(name(), "converge after " + WRITES_PER_SIDE + " writes per side", value, "< 5 s", worst < TARGET_MS));
    }

    private Trial trial(Scratch scratch, PrintStream out, int n) throws Exception {
        Path dir = scratch.fresh("partition");
        int pa = Cluster.freePort(), pb = Cluster.freePort();
        try (Gate toB = new Gate(Cluster.freePort(), pb); Gate toA = new Gate(Cluster.freePort(), pa);
             Cluster c = Cluster.start(dir, List.of(new Cluster.Spec("a", pa, Map.of("b", toB.port())),
                     new Cluster.Spec("b", pb, Map.of("a", toA.port()))))) {
            c.createDatabase(Docs.SCHEMA);
            Cluster.await("the new database settles", 30_000, c::converged);
            toB.cut();
            toA.cut();
            serverLog.reset();
            long w0 = System.nanoTime();
            int[] refused = new int[2];
            Thread a = Thread.ofPlatform().start(() -> refused[0] = side(c.db(0), "a"));
            Thread b = Thread.ofPlatform().start(() -> refused[1] = side(c.db(1), "b"));
            a.join();
            b.join();
            long writeMillis = (System.nanoTime() - w0) / 1_000_000;
            Thread.sleep(HOLD_S * 1000L);
            int failedPushes = serverLog.seen("push_failed").size();
            if (c.converged()) throw new IllegalStateException("the partition did not separate the nodes");
            String headA = c.db(0).head(), headB = c.db(1).head();
            long[] first = new long[2]; // when each head first moved after the heal, seen by the 1 ms poll below
            long healedAtMillis = System.currentTimeMillis();
            long healed = System.nanoTime();
            toB.heal();
            toA.heal();
            Cluster.await("both heads are equal", 300_000, () -> {
                long now = System.nanoTime();
                if (first[0] == 0 && !c.db(0).head().equals(headA)) first[0] = now;
                if (first[1] == 0 && !c.db(1).head().equals(headB)) first[1] = now;
                return c.converged();
            });
            long converged = (System.nanoTime() - healed) / 1_000_000;
            Thread.sleep(500); // lets a merge still running on the other writer finish and log itself
            StringBuilder merges = new StringBuilder();
            for (ServerLog.Seen m : serverLog.seen("merged"))
                merges.append(merges.isEmpty() ? "" : ", ").append(m.at() - m.ms() - healedAtMillis).append("..").append(m.at() - healedAtMillis);
            long docsA = c.db(0).info().documentCounts().get(Docs.TYPE);
            long docsB = c.db(1).info().documentCounts().get(Docs.TYPE);
            Trial r = new Trial(writeMillis, refused[0] + refused[1], since(first[0], healed), since(first[1], healed), converged,
                    failedPushes, merges.toString(), docsA == docsB ? docsA : -1,
                    mergedBothSides(c.db(0)) && mergedBothSides(c.db(1)));
            out.printf("  trial %d: writes took %,d ms; healed; first change on a +%d ms, on b +%d ms; equal heads +%,d ms; %,d documents%n",
                    n, writeMillis, r.firstChangeA(), r.firstChangeB(), converged, r.documents());
            return r;
        } finally {
            Scratch.delete(dir);
        }
    }

    /** One side's writes: even i to shared ids s-0..s-4999 (both sides write them), odd i to its own ids. */
    private static int side(GitDatabase db, String side) {
        try {
            return Flood.write(db, WRITES_PER_SIDE, i -> Docs.put(Docs.id(i % 2 == 0 ? "s-" + i / 2 : side + "-" + i / 2), Docs.doc(side, i, 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WRITES_PER_SIDE;
        }
    }

    /** The first shared document holds both sides' tags (set merge) and both sides' visits (counter). */
    private static boolean mergedBothSides(GitDatabase db) {
        JsonNode d = db.get(Docs.id("s-0")).map(x -> (JsonNode) x.data()).orElse(null);
        if (d == null) return false;
        String tags = d.path("tags").toString();
        return tags.contains("from-a") && tags.contains("from-b") && d.path("hits").asLong() == 2;
    }

    private static long since(long t, long from) {
        return t == 0 ? -1 : (t - from) / 1_000_000;
    }
}
