package io.quire.bench;

import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Point reads ({@code get} of random ids, JSON decoded) on a 100,000-document database, in three
 * states of its object store, because every group commit leaves one pack file behind:
 * as built (100 large transactions), after JGit gc (one pack), and after 1,000 more single-document
 * commits on top of the gc'd pack (1,001 packs).
 */
final class ReadsBenchmark implements Benchmark {
    static final int DOCS = 100_000;
    static final int COLD_READS = 10_000;
    static final int WARMUP_S = 2;
    static final int MEASURE_S = 5;
    static final int EXTRA_COMMITS = 1_000;
    static final int TARGET = 50_000;

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
        Table t = new Table("store state", "packs", "readers", "cold reads/s (first 10k)", "warm reads/s", "p50 µs", "p99 µs");
        List<Figure> figures = new ArrayList<>();
        try {
            measure(dir, "as built (1,000 docs/commit)", t, figures, out);
            try (GitDatabases node = new GitDatabases(dir, "r")) {
                Repos.gc(node.get(Corpus.DB).repository());
            }
            measure(dir, "after gc", t, figures, out);
            try (GitDatabases node = new GitDatabases(dir, "r")) {
                GitDatabase db = node.get(Corpus.DB);
                for (int k = 0; k < EXTRA_COMMITS; k++) db.put(Corpus.id(k * 97 % DOCS), Corpus.doc(k * 97 % DOCS, 1));
            }
            measure(dir, "gc + 1,000 single-doc commits", t, figures, out);
        } finally {
            Workspace.delete(dir);
        }
        t.print(out);
        return figures;
    }

    private void measure(Path dir, String state, Table t, List<Figure> figures, PrintStream out) throws Exception {
        try (GitDatabases node = new GitDatabases(dir, "r")) {
            GitDatabase db = node.get(Corpus.DB);
            int packs = Repos.packCount(db.repository());
            double cold = ReadLoad.first(db, DOCS, COLD_READS);
            for (int readers = 1; readers <= 2; readers++) {
                ReadLoad.Outcome o = ReadLoad.run(db, DOCS, readers, WARMUP_S, MEASURE_S);
                out.printf("  %s, %d packs, %d readers: %,.0f reads/s%n", state, packs, readers, o.perSecond());
                t.row(state, packs, readers, readers == 1 ? Table.num(cold, 0) : "", Table.num(o.perSecond(), 0),
                        Table.num(o.micros(0.5), 1), Table.num(o.micros(0.99), 1));
                String what = "reads/s, " + readers + " reader" + (readers == 1 ? "" : "s") + ", " + state + " (" + packs + " packs)";
                figures.add(Figure.against(name(), what, Table.num(o.perSecond(), 0), "≥ 50,000/s", o.perSecond() >= TARGET));
            }
        }
    }
}
