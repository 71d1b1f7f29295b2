package io.quire.bench;

import io.quire.sdk.DocumentId;
import io.quire.server.prune.Maintenance;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * Point reads ({@code get} of random ids, JSON decoded) on a 100,000-document database, in several
 * states of its object store, because every group commit leaves one pack file behind: as built (100
 * large transactions), after JGit gc (one pack, objects reused), the same with a larger JGit window
 * cache (an experiment: the store leaves JGit's 10 MiB default), after 1,000 more single-document
 * commits (1,001 packs), and after the node's compaction ({@link Maintenance}), which recomputes
 * deltas into one much smaller pack.
 */
final class ReadsBenchmark implements Benchmark {
    static final int DOCS = 100_000;
    static final int COLD_READS = 10_000;
    static final int WARMUP_S = 2;
    static final int MEASURE_S = 5;
    static final int EXTRA_COMMITS = 1_000;
    static final int TARGET = 50_000;
    static final long BIG_WINDOW_CACHE = 256L * 1024 * 1024;

    @Override
    public String name() {
        return "reads";
    }

    @Override
    public String about() {
        return "random get() per second on a " + DOCS / 1000 + "k-document database, 1 and 2 readers, by pack count";
    }

    @Override
    public List<Figure> run(Workspace ws) throws Exception {
        PrintStream out = ws.out();
        Path dir = ws.copyOfBase(DOCS, "reads");
        DocumentId[] ids = Corpus.ids(DOCS);
        Table t = new Table("store state", "packs", "pack MiB", "readers", "cold reads/s (first 10k)", "warm reads/s",
                "p50 µs", "p99 µs", "others' CPU (cores)");
        List<Figure> figures = new ArrayList<>();
        try {
            measure(dir, ids, "as built (1,000 docs/commit)", t, figures, out);
            gc(dir, out);
            measure(dir, ids, "after gc (objects reused)", t, figures, out);
            WindowCacheConfig big = new WindowCacheConfig();
            big.setPackedGitLimit(BIG_WINDOW_CACHE);
            big.install();
            try {
                measure(dir, ids, "same, JGit window cache 256 MiB (experiment)", t, figures, out);
            } finally {
                new WindowCacheConfig().install();
            }
            try (GitDatabases node = new GitDatabases(dir, "r")) {
                GitDatabase db = node.get(Corpus.DB);
                for (int k = 0; k < EXTRA_COMMITS; k++) db.put(ids[k * 97 % DOCS], Corpus.doc(k * 97 % DOCS, 1));
            }
            measure(dir, ids, "gc + 1,000 single-doc commits", t, figures, out);
            compact(dir, out);
            measure(dir, ids, "after the node's compaction (deltas)", t, figures, out);
        } finally {
            Workspace.delete(dir);
        }
        t.print(out);
        return figures;
    }

    private static void gc(Path dir, PrintStream out) throws Exception {
        try (GitDatabases node = new GitDatabases(dir, "r")) {
            GitDatabase db = node.get(Corpus.DB);
            long before = Repos.packBytes(db.repository());
            double s = Repos.gc(db.repository());
            out.printf("  gc (JGit defaults): %.1f s, packs %s -> %s%n", s, Table.mib(before), Table.mib(Repos.packBytes(db.repository())));
        }
    }

    /** Runs the node's own compaction, which holds the writer lock while it repacks (writes wait). */
    private static void compact(Path dir, PrintStream out) throws Exception {
        try (GitDatabases node = new GitDatabases(dir, "r")) {
            GitDatabase db = node.get(Corpus.DB);
            long before = Repos.packBytes(db.repository());
            int packs = Repos.packCount(db.repository());
            Maintenance.Outcome o = Maintenance.run(db, Set.of(), true);
            out.printf("  Maintenance.run (node compaction, writer lock held): %,d ms, %d packs %s -> %d pack %s%n", o.millis(), packs,
                    Table.mib(before), Repos.packCount(db.repository()), Table.mib(Repos.packBytes(db.repository())));
        }
    }

    private void measure(Path dir, DocumentId[] ids, String state, Table t, List<Figure> figures, PrintStream out) throws Exception {
        try (GitDatabases node = new GitDatabases(dir, "r")) {
            GitDatabase db = node.get(Corpus.DB);
            int packs = Repos.packCount(db.repository());
            String mib = Table.num(Repos.packBytes(db.repository()) / (1024.0 * 1024.0), 1);
            double cold = ReadLoad.first(db, ids, COLD_READS);
            for (int readers = 1; readers <= 2; readers++) {
                ReadLoad.Outcome o = ReadLoad.run(db, ids, readers, WARMUP_S, MEASURE_S);
                out.printf("  %s, %d packs, %d readers: %,.0f reads/s (others used %s cores)%n", state, packs, readers, o.perSecond(), o.cpu().others());
                t.row(state, packs, mib, readers, readers == 1 ? Table.num(cold, 0) : "", Table.num(o.perSecond(), 0),
                        Table.num(o.micros(0.5), 1), Table.num(o.micros(0.99), 1), o.cpu().others());
                String what = "reads/s, " + readers + " reader" + (readers == 1 ? "" : "s") + ", " + state + " (" + packs + " packs)";
                if (state.contains("experiment")) figures.add(Figure.info(name(), what, Table.num(o.perSecond(), 0)));
                else figures.add(Figure.against(name(), what, Table.num(o.perSecond(), 0), "≥ 50,000/s", o.perSecond() >= TARGET));
            }
        }
    }
}
