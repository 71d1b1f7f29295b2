package io.quire.bench.replication;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replication lag between real nodes over HTTP on loopback: from a write's acknowledgement on its
 * node until the document is readable on another node, at a fixed total write rate spread over the
 * writing nodes. A fresh cluster per configuration.
 */
final class LagBenchmark implements ReplicationBenchmark {
    static final int WARMUP_S = Integer.getInteger("quire.bench.repl.warmup", 5);
    static final int MEASURE_S = Integer.getInteger("quire.bench.repl.seconds", 20);
    /**
     * Configurations as nodes x writes/s, optionally /writing nodes (default: all), e.g.
     * {@code -Dquire.bench.repl.lag=2x100,2x100/1}. One writing node means no concurrent writes
     * elsewhere, hence fast-forwards instead of merges: the push path alone.
     */
    static final List<int[]> CONFIGS = Arrays.stream(System.getProperty("quire.bench.repl.lag", "2x100,3x100,2x1000,3x1000,2x100/1").split(","))
            .map(LagBenchmark::parse).toList();
    static final double TARGET_P99_MS = 50;

    private final ServerLog serverLog;

    /** One configuration's outcome with the nodes' merge and repack events during it. */
    private record Measured(LagRun.Outcome r, String merges, String repacks) {
    }

    LagBenchmark(ServerLog serverLog) {
        this.serverLog = serverLog;
    }

    private static int[] parse(String s) {
        String[] p = s.split("[x/]");
        int nodes = Integer.parseInt(p[0]);
        return new int[]{nodes, Integer.parseInt(p[1]), p.length > 2 ? Integer.parseInt(p[2]) : nodes};
    }

    private static String label(int[] c) {
        return c[0] + "x" + c[1] + (c[2] == c[0] ? "" : "/" + c[2]);
    }

    @Override
    public String name() {
        return "repl-lag";
    }

    @Override
    public String about() {
        return "replication lag from acknowledgement on one node to visibility on another, configurations (nodes x writes/s[/writing nodes]) "
                + CONFIGS.stream().map(LagBenchmark::label).toList() + ", open-loop writers, " + WARMUP_S + " s warm-up, " + MEASURE_S
                + " s measured";
    }

    @Override
    public List<Result> run(Scratch scratch, PrintStream out) throws Exception {
        List<Measured> runs = new ArrayList<>();
        for (int[] c : CONFIGS) runs.add(measure(scratch, out, c[0], c[1], c[2]));
        MdTable lag = new MdTable("nodes", "writing nodes", "writes/s", "issued/s", "lag p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms",
                "to all: p50 / p99 ms", "lags > 1 s", "unseen", "no repack overlapping: n, p50 / p99 ms", "ack p50 / p99 / max ms",
                "pacing slip p99 ms", "others' CPU", "own CPU");
        MdTable work = new MdTable("nodes", "writing nodes", "writes/s", "group commits", "writes/commit", "merge commits",
                "merges with several bases", "merges logged", "writer repacks", "converged after last write ms",
                "max lag per second of the window (ms)");
        List<Result> results = new ArrayList<>();
        for (Measured m : runs) {
            LagRun.Outcome r = m.r();
            lag.row(r.nodes(), r.writers(), r.rate(), MdTable.num(r.issuedPerSecond(), 0), ms(r.pair(), 0.5), ms(r.pair(), 0.9),
                    ms(r.pair(), 0.99), ms(r.pair(), 0.999), ms(r.pair(), 1.0), ms(r.all(), 0.5) + " / " + ms(r.all(), 0.99),
                    r.pair().above(1_000_000_000L), r.unseen(), r.clean().count() + ", " + ms(r.clean(), 0.5) + " / " + ms(r.clean(), 0.99),
                    r.ack().summary(), ms(r.slip(), 0.99), r.cpu().others(), r.cpu().own());
            StringBuilder perSecond = new StringBuilder();
            for (long x : r.maxLagPerSecond()) perSecond.append(perSecond.isEmpty() ? "" : " ").append(x);
            work.row(r.nodes(), r.writers(), r.rate(), r.history().groupCommits(), r.history().writesPerCommit(), r.history().merges(),
                    r.history().crissCross(), m.merges(), m.repacks(), r.quietConvergeMillis(), perSecond);
            String what = "lag p99, " + r.nodes() + " nodes, " + r.rate() + " writes/s" + (r.writers() == r.nodes() ? "" : " on " + r.writers() + " node");
            double p99 = r.pair().millis(0.99);
            String value = MdTable.num(p99, 1) + " ms (p50 " + MdTable.num(r.pair().millis(0.5), 1) + ")";
            boolean target = r.rate() == 100 && r.writers() == r.nodes();
            results.add(target ? Result.against(name(), what, value, "< 50 ms", p99 < TARGET_P99_MS) : Result.info(name(), what, value));
        }
        lag.print(out);
        work.print(out);
        return results;
    }

    private Measured measure(Scratch scratch, PrintStream out, int nodes, int rate, int writers) throws Exception {
        Path dir = scratch.fresh("lag-" + nodes + "x" + rate);
        try (Cluster c = Cluster.start(dir, Cluster.mesh(nodes))) {
            c.createDatabase(Docs.SCHEMA);
            Cluster.await("the new database settles", 30_000, c::converged);
            serverLog.reset();
            LagRun.Outcome r = new LagRun(c, serverLog, writers, rate, WARMUP_S, MEASURE_S).run();
            out.printf("  %d nodes (%d writing), %d writes/s: lag p50 %s ms, p99 %s ms, max %s ms over %,d (write, other node) pairs; "
                            + "%s merge commits; merges %s; writer repacks %s; background consolidations %s; others used %s cores%n",
                    nodes, writers, rate, ms(r.pair(), 0.5), ms(r.pair(), 0.99), ms(r.pair(), 1.0), r.pair().count(), r.history().merges(),
                    serverLog.describe("merged"), serverLog.describe("compacted"), serverLog.describe("consolidated"), r.cpu().others());
            return new Measured(r, serverLog.describe("merged"), serverLog.describe("compacted"));
        } finally {
            Scratch.delete(dir);
        }
    }

    private static String ms(Samples s, double p) {
        return MdTable.num(s.millis(p), 1);
    }
}
