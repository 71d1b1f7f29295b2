package io.quire.bench.replication;

import io.quire.sdk.Transaction;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Repository size after 100,000 updates of 1,000 documents, with pruning on and off. Every
 * configuration runs the same paced write stream and calls {@code Maintenance.run(db, peers, false)}
 * on each node every 10 s (the node's own 60 s schedule runs as well), so compaction is the same
 * everywhere and only pruning differs: it needs a horizon, which two running peers have, a third
 * peer that never comes up blocks (docs/replication.md §7), and a node without peers never has.
 */
final class SizeBenchmark implements ReplicationBenchmark {
    static final int DOCS = 1_000;
    static final int UPDATES = Integer.getInteger("quire.bench.repl.size.updates", 100_000);
    static final int RATE = Integer.getInteger("quire.bench.repl.size.rate", 1_000);
    static final int MAINTENANCE_S = 10;

    /** A configuration: its label and how many nodes run, and whether an absent third peer is configured. */
    private record Setup(String label, int nodes, boolean absentPeer) {
    }

    static final List<Setup> ALL_SETUPS = List.of(
            new Setup("pruning on: 2 nodes, peers up", 2, false),
            new Setup("pruning off: 2 nodes + a configured third peer that is never started", 2, true),
            new Setup("pruning off: 1 node, no peers", 1, false));
    /** Which setups run, by index into {@link #ALL_SETUPS}, e.g. {@code -Dquire.bench.repl.size.setups=0}. */
    static final List<Setup> SETUPS = Arrays.stream(System.getProperty("quire.bench.repl.size.setups", "0,1,2").split(","))
            .map(i -> ALL_SETUPS.get(Integer.parseInt(i.trim()))).toList();

    private final ServerLog serverLog;

    SizeBenchmark(ServerLog serverLog) {
        this.serverLog = serverLog;
    }

    @Override
    public String name() {
        return "repl-size";
    }

    @Override
    public String about() {
        return "repository size after " + UPDATES + " updates of " + DOCS + " documents at " + RATE
                + " writes/s, pruning on versus off (Maintenance.run every " + MAINTENANCE_S + " s)";
    }

    @Override
    public List<Result> run(Scratch scratch, PrintStream out) throws Exception {
        MdTable t = new MdTable("configuration", "node", "when", "du KiB", "file bytes", "packs", "packed objects", "loose objects",
                "commits reachable", "shallow");
        MdTable work = new MdTable("configuration", "writes took s", "refused", "group commits", "merges logged", "prunes",
                "maintenance repacks", "maintenance failures", "writer repacks", "converged");
        List<Result> results = new ArrayList<>();
        for (Setup s : SETUPS) {
            Path dir = scratch.fresh("size");
            List<Cluster.Spec> specs = specs(s);
            try (Cluster c = Cluster.start(dir, specs)) {
                c.createDatabase(Docs.SCHEMA);
                Transaction.Builder seed = Transaction.builder();
                for (int i = 0; i < DOCS; i++) seed.put(Docs.id("d-" + i), Docs.doc("seed", i, 0));
                c.db(0).commit(seed.build());
                Cluster.await("the seed reaches every node", 60_000, c::converged);
                serverLog.reset();
                List<Set<String>> peers = specs.stream().map(x -> Set.copyOf(x.peers().keySet())).toList();
                SizeRun.Outcome r = new SizeRun(c, peers, UPDATES, DOCS, RATE, MAINTENANCE_S).run();
                work.row(s.label(), MdTable.num(r.writeMillis() / 1000.0, 1), r.refused(), r.groupCommits(), serverLog.describe("merged"),
                        r.prunes(), r.maintenanceRepacks(), r.maintenanceFailures(), serverLog.describe("compacted"), r.converged() ? "yes" : "NO (within " + LagRun.SETTLE_MILLIS / 1000 + " s)");
                for (int i = 0; i < c.size(); i++) {
                    row(t, s.label(), c.nodeName(i), "end of run", r.atEnd().get(i));
                    row(t, s.label(), c.nodeName(i), "after a final forced Maintenance.run", r.afterFinal().get(i));
                }
                for (int i = 0; i < c.size(); i++)
                    for (String line : RefReport.of(c.db(i).repository())) out.printf("  refs of %s after the final maintenance: %s%n", c.nodeName(i), line);
                RepoStats a = r.afterFinal().get(0);
                results.add(Result.info(name(), s.label() + ", node a, after final maintenance",
                        MdTable.num(a.duKib(), 0) + " KiB, " + a.commits() + " commits"));
                out.printf("  %s: writes took %.1f s; node a at end %,d KiB, after final maintenance %,d KiB%n", s.label(),
                        r.writeMillis() / 1000.0, r.atEnd().get(0).duKib(), a.duKib());
            } finally {
                Scratch.delete(dir);
            }
        }
        work.print(out);
        t.print(out);
        return results;
    }

    private static void row(MdTable t, String label, String node, String when, RepoStats s) {
        t.row(label, node, when, MdTable.num(s.duKib(), 0), MdTable.num(s.bytes(), 0), s.packs(), MdTable.num(s.packedObjects(), 0),
                MdTable.num(s.looseObjects(), 0), MdTable.num(s.commits(), 0), s.shallow() ? "yes" : "no");
    }

    private static List<Cluster.Spec> specs(Setup s) throws IOException {
        List<Cluster.Spec> mesh = Cluster.mesh(s.nodes());
        if (!s.absentPeer()) return mesh;
        int nobody = Cluster.freePort(); // nothing listens there: every call to "c" is refused
        List<Cluster.Spec> out = new ArrayList<>();
        for (Cluster.Spec x : mesh) {
            Map<String, Integer> peers = new TreeMap<>(x.peers());
            peers.put("c", nobody);
            out.add(new Cluster.Spec(x.name(), x.port(), peers));
        }
        return out;
    }
}
