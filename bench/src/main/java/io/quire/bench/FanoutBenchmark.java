package io.quire.bench;

import io.quire.sdk.DocumentId;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import io.quire.server.store.StoreLayout;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Write amplification of the tree layout: the tree objects (count and bytes) and the pack bytes
 * that one single-document update adds, measured on real databases of 1,000 to 100,000 documents;
 * then the same measure computed offline ({@link LayoutSimulator}) for the store's one-level
 * 256-way layout and for a two-level 256×256 layout.
 */
final class FanoutBenchmark implements Benchmark {
    static final int[] SIZES = {1_000, 10_000, 100_000};
    static final int WRITES = 50;
    static final int SIM_COMMITS = 2_000;
    /** Writes in one commit like a merge of 1,000 changes per side (1,500 distinct documents: see MergeBenchmark). */
    static final int MERGE_DOCS = 1_500;

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public String about() {
        return "bytes of new tree objects per single-document write at 1k/10k/100k documents; 256 vs 256×256 simulated";
    }

    @Override
    public List<Figure> run(Workspace ws) throws Exception {
        PrintStream out = ws.out();
        Table measured = new Table("documents", "new trees per write", "new tree bytes per write", "new pack bytes per write",
                "simulated 256: tree bytes per write");
        Table sim = new Table("documents", "layout", "tree bytes/write, 1 write/commit", "tree bytes/write, 64 writes/commit",
                "trees/write, 1 write/commit", "tree bytes of one commit of 1,500 random writes", "trees in head", "tree bytes in head",
                "trees per cold lookup");
        List<Figure> figures = new ArrayList<>();
        for (int n : SIZES) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) ids.add(Corpus.id(i).id());
            checkSameBuckets(ids);
            LayoutSimulator one = new LayoutSimulator(ids, 1), two = new LayoutSimulator(ids, 2);
            double[] m = measure(ws, n);
            LayoutSimulator.PerWrite oneSingle = one.perWrite(1, SIM_COMMITS, 1);
            measured.row(Table.num(n, 0), Table.num(m[0], 1), Table.num(m[1], 0), Table.num(m[2], 0), Table.num(oneSingle.bytes(), 0));
            for (LayoutSimulator s : List.of(one, two)) {
                LayoutSimulator.PerWrite single = s == one ? oneSingle : s.perWrite(1, SIM_COMMITS, 1);
                LayoutSimulator.PerWrite grouped = s.perWrite(64, SIM_COMMITS / 20, 2);
                LayoutSimulator.PerWrite merge = s.perWrite(Math.min(MERGE_DOCS, n), 5, 3);
                sim.row(Table.num(n, 0), s == one ? "256 (store)" : "256×256", Table.num(single.bytes(), 0), Table.num(grouped.bytes(), 0),
                        Table.num(single.trees(), 2), Table.num(merge.bytes() * Math.min(MERGE_DOCS, n), 0),
                        Table.num(s.treesInHead(), 0), Table.num(s.treeBytesInHead(), 0), s.treesPerLookup());
            }
            figures.add(Figure.info(name(), "new tree bytes per write, " + Table.num(n, 0) + " docs (measured; 256×256 simulated)",
                    Table.num(m[1], 0) + "; " + Table.num(two.perWrite(1, SIM_COMMITS, 1).bytes(), 0)));
        }
        out.println("  measured on the store (one update per commit, " + WRITES + " commits per size):");
        measured.print(out);
        out.println("  simulated from the ids (Git canonical tree encoding, document trees only):");
        sim.print(out);
        return figures;
    }

    /** Average new trees, new tree bytes and new pack bytes of {@link #WRITES} single-update commits. */
    private double[] measure(Workspace ws, int n) throws Exception {
        Path dir = ws.copyOfBase(n, "fanout-" + n);
        int[] perm = Shuffle.permutation(n, 11);
        long trees = 0, treeBytes = 0, packBytes = 0;
        try (GitDatabases node = new GitDatabases(dir, "f")) {
            GitDatabase db = node.get(Corpus.DB);
            for (int k = 0; k < WRITES; k++) {
                Set<String> before = names(db);
                int i = perm[k];
                db.put(Corpus.id(i), Corpus.doc(i, k + 1));
                try (RevWalk rw = new RevWalk(db.repository()); ObjectReader r = db.repository().newObjectReader()) {
                    RevCommit c = rw.parseCommit(ObjectId.fromString(db.head()));
                    RevCommit parent = rw.parseCommit(c.getParent(0));
                    TreeBytes.Added a = TreeBytes.added(r, c.getTree(), parent.getTree());
                    trees += a.trees();
                    treeBytes += a.bytes();
                }
                for (File p : Repos.packs(db.repository())) if (!before.contains(p.getName())) packBytes += p.length();
            }
        } finally {
            Workspace.delete(dir);
        }
        ws.out().printf("  %,d documents: %.1f new trees, %,.0f tree bytes, %,.0f pack bytes per write%n",
                n, trees / (double) WRITES, treeBytes / (double) WRITES, packBytes / (double) WRITES);
        return new double[]{trees / (double) WRITES, treeBytes / (double) WRITES, packBytes / (double) WRITES};
    }

    private static Set<String> names(GitDatabase db) {
        Set<String> s = new HashSet<>();
        for (File f : Repos.packs(db.repository())) s.add(f.getName());
        return s;
    }

    /** The simulator must bucket ids exactly as the store does, or its figures mean nothing. */
    private static void checkSameBuckets(List<String> ids) {
        for (String id : ids) {
            String expected = Corpus.TYPE + "/" + StoreLayout.bucketName(LayoutSimulator.firstByte(id)) + "/" + id + ".json";
            if (!StoreLayout.docPath(DocumentId.of(Corpus.TYPE, id)).equals(expected))
                throw new IllegalStateException("the simulator does not bucket " + id + " as the store does");
        }
    }
}
