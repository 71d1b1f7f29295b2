package io.quire.bench;

import io.quire.sdk.DocumentId;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Durable single-document writes per second: each {@code put} returns only after its commit is
 * fsync'd. Writers put random documents of a 10,000-id key space into a fresh database, so early
 * writes create documents and later ones update them (reading the previous version for its clocks).
 */
final class WritesBenchmark implements Benchmark {
    /** Writer counts; {@code -Dquire.bench.writers=1} runs a subset, e.g. under a profiler. */
    static final int[] WRITERS = Arrays.stream(System.getProperty("quire.bench.writers", "1,8,64").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static final int KEYS = 10_000;
    static final int WARMUP_S = 2;
    static final int MEASURE_S = 10;
    static final int TARGET = 5_000;

    private record Run(int writers, long writes, long[] lat, int commits, long committedWrites,
                       long slowestSecond, long fastestSecond, int packs, CpuMeter.Usage cpu) {
        double perSecond() {
            return writes / (double) MEASURE_S;
        }
    }

    @Override
    public String name() {
        return "writes";
    }

    @Override
    public String about() {
        return "durable single-document puts/s at " + Arrays.toString(WRITERS) + " writers (" + WARMUP_S + " s warm-up, "
                + MEASURE_S + " s measured, fresh database each)";
    }

    @Override
    public List<Figure> run(Workspace ws) throws Exception {
        PrintStream out = ws.out();
        out.printf("  fsync probe: create + write 4 KiB + fsync a new file: median %.2f ms%n", DiskProbe.fsyncMillis(ws.root(), 50));
        Table t = new Table("writers", "writes/s", "p50 ms", "p99 ms", "max ms", "commits", "writes/commit",
                "slowest 1 s", "fastest 1 s", "packs at end", "others' CPU (cores)");
        List<Figure> figures = new ArrayList<>();
        for (int w : WRITERS) {
            Run r = measure(ws, w);
            t.row(w, Table.num(r.perSecond(), 0), Table.num(Latencies.millis(r.lat, 0.5), 2), Table.num(Latencies.millis(r.lat, 0.99), 2),
                    Table.num(Latencies.millis(r.lat, 1.0), 1), r.commits,
                    Table.num(r.committedWrites / (double) Math.max(1, r.commits), 1), r.slowestSecond, r.fastestSecond, r.packs, r.cpu.others());
            String what = "durable writes/s, " + w + (w == 1 ? " writer" : " writers");
            if (w == 64) figures.add(Figure.against(name(), what, Table.num(r.perSecond(), 0), "≥ 5,000/s", r.perSecond() >= TARGET));
            else figures.add(Figure.info(name(), what, Table.num(r.perSecond(), 0)));
        }
        t.print(out);
        return figures;
    }

    private Run measure(Workspace ws, int writers) throws Exception {
        Path dir = ws.fresh("writes-" + writers);
        try (GitDatabases node = new GitDatabases(dir, "w")) {
            GitDatabase db = node.create(Corpus.DB, Corpus.SCHEMA);
            long from = System.nanoTime() + WARMUP_S * 1_000_000_000L;
            long to = from + MEASURE_S * 1_000_000_000L;
            AtomicLongArray perSecond = new AtomicLongArray(MEASURE_S);
            DocumentId[] ids = Corpus.ids(KEYS);
            List<Latencies> lats = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < writers; k++) {
                Latencies l = new Latencies();
                lats.add(l);
                SplittableRandom rnd = new SplittableRandom(42 + k);
                threads.add(Thread.ofPlatform().name("writer-" + k).start(() -> write(db, ids, rnd, l, perSecond, from, to)));
            }
            sleepUntil(from);
            String headFrom = db.head();
            CpuMeter cpu = CpuMeter.start();
            sleepUntil(to);
            String headTo = db.head();
            CpuMeter.Usage used = cpu.stop();
            for (Thread th : threads) th.join();
            int commits = 0;
            long committed = 0;
            for (RevCommit c : Repos.commitsBetween(db.repository(), headFrom, headTo)) {
                commits++;
                committed += Repos.writesIn(c);
            }
            long min = Long.MAX_VALUE, max = 0;
            for (int s = 0; s < MEASURE_S; s++) {
                min = Math.min(min, perSecond.get(s));
                max = Math.max(max, perSecond.get(s));
            }
            long[] sorted = Latencies.merged(lats);
            Run r = new Run(writers, sorted.length, sorted, commits, committed, min, max, Repos.packCount(db.repository()), used);
            StringBuilder series = new StringBuilder();
            for (int s = 0; s < MEASURE_S; s++) series.append(s == 0 ? "" : " ").append(perSecond.get(s));
            ws.out().printf("  %d writers: %,.0f writes/s, %,d commits, %d packs, others used %s cores; writes in each second: %s%n",
                    writers, r.perSecond(), commits, r.packs, used.others(), series);
            return r;
        } finally {
            Workspace.delete(dir);
        }
    }

    private static void write(GitDatabase db, DocumentId[] ids, SplittableRandom rnd, Latencies lat, AtomicLongArray perSecond, long from, long to) {
        int version = 0;
        while (true) {
            long t0 = System.nanoTime();
            if (t0 >= to) return;
            int i = rnd.nextInt(KEYS);
            db.put(ids[i], Corpus.doc(i, ++version));
            long t1 = System.nanoTime();
            if (t0 >= from && t1 < to) {
                lat.add(t1 - t0);
                perSecond.incrementAndGet((int) ((t1 - from) / 1_000_000_000L));
            }
        }
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }
}
