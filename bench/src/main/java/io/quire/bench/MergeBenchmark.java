package io.quire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.Transaction;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merge time of two diverged replicas of a 100,000-document database. Each side changes {@code n}
 * documents; half of them ({@code n/2}) are the same documents on both sides, with edits to
 * different fields, so each of those runs field merges (lww, set, counter, text):
 *
 * <pre>
 *   base (100,000 docs) ── a: n docs changed      node a merges b's head (fetched as branch b)
 *                      \
 *                       ── b: n docs changed (n/2 of them also changed by a)
 * </pre>
 *
 * Only {@code mergeBranch} is timed; it includes writing the merged trees and commit durably and
 * moving main, as in production.
 */
final class MergeBenchmark implements Benchmark {
    static final int DOCS = 100_000;
    static final int[] CHANGED = {1_000, 10_000};
    static final int WARMUP_CHANGED = 500;
    static final long TARGET_MS = 2_000;

    private record Run(int changed, long mergeMs, int bothSides, int packsA, boolean verified, CpuMeter.Usage cpu) {
    }

    @Override
    public String name() {
        return "merge";
    }

    @Override
    public String about() {
        return "mergeBranch of two replicas of a " + DOCS / 1000 + "k-document database, 1,000 and 10,000 documents changed per side";
    }

    @Override
    public List<Figure> run(Workspace ws) throws Exception {
        PrintStream out = ws.out();
        Run warm = measure(ws, WARMUP_CHANGED);
        out.printf("  warm-up merge (%d per side, not reported): %d ms%n", WARMUP_CHANGED, warm.mergeMs);
        Table t = new Table("changed per side", "changed on both sides", "distinct docs changed", "merge ms", "packs on a", "field merges verified", "others' CPU (cores)");
        List<Figure> figures = new ArrayList<>();
        for (int n : CHANGED) {
            Run r = measure(ws, n);
            t.row(Table.num(n, 0), Table.num(r.bothSides, 0), Table.num(n + n / 2, 0), Table.num(r.mergeMs, 0), r.packsA, r.verified ? "yes" : "NO", r.cpu.others());
            String what = "merge ms, " + Table.num(n, 0) + " docs changed per side";
            if (n == 10_000) figures.add(Figure.against(name(), what, Table.num(r.mergeMs, 0), "< 2,000 ms", r.mergeMs < TARGET_MS && r.verified));
            else figures.add(Figure.info(name(), what, Table.num(r.mergeMs, 0)));
        }
        t.print(out);
        return figures;
    }

    private Run measure(Workspace ws, int n) throws Exception {
        Path dirA = ws.copyOfBase(DOCS, "merge-a-" + n);
        Path dirB = Workspace.copy(dirA, ws.fresh("merge-b-" + n));
        int[] perm = Shuffle.permutation(DOCS, 7);
        int both = n / 2;
        try (GitDatabases nodeA = new GitDatabases(dirA, "a"); GitDatabases nodeB = new GitDatabases(dirB, "b")) {
            GitDatabase a = nodeA.get(Corpus.DB), b = nodeB.get(Corpus.DB);
            // a changes perm[0, n); b changes perm[0, n/2) too, then perm[n, n + n/2).
            change(a, perm, 0, n, MergeBenchmark::editA);
            change(b, perm, 0, both, MergeBenchmark::editB);
            change(b, perm, n, n + n - both, MergeBenchmark::editB);
            Repos.fetchMain(b.repository(), a.repository(), "b");
            CpuMeter cpu = CpuMeter.start();
            long t0 = System.nanoTime();
            a.mergeBranch("b");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            CpuMeter.Usage used = cpu.stop();
            boolean ok = verify(a, perm[0], true, true) && verify(a, perm[n - 1], true, false) && verify(a, perm[n], false, true);
            return new Run(n, ms, both, Repos.packCount(a.repository()), ok, used);
        } finally {
            Workspace.delete(dirA);
            Workspace.delete(dirB);
        }
    }

    private interface Edit {
        ObjectNode apply(int i);
    }

    private static void change(GitDatabase db, int[] perm, int from, int to, Edit edit) {
        for (int start = from; start < to; start += Workspace.BUILD_TX) {
            Transaction.Builder tx = Transaction.builder();
            for (int k = start; k < Math.min(to, start + Workspace.BUILD_TX); k++) tx.put(Corpus.id(perm[k]), edit.apply(perm[k]));
            db.commit(tx.build());
        }
    }

    /** Side a: new name, one more tag, one more visit, first line of the notes rewritten. */
    static ObjectNode editA(int i) {
        ObjectNode d = Corpus.doc(i, 1);
        d.put("name", "Contact " + i + " (renamed on a)");
        d.withArray("tags").add("from-a");
        d.put("notes", "FIRST LINE of " + i + "\nsecond line\nthird line\n");
        return d;
    }

    /** Side b: new email, one more tag, two more visits, last line of the notes rewritten. */
    static ObjectNode editB(int i) {
        ObjectNode d = Corpus.doc(i, 2);
        d.put("email", "contact" + i + "@b.example.org");
        d.withArray("tags").add("from-b");
        d.put("notes", "first line of " + i + "\nsecond line\nTHIRD LINE\n");
        return d;
    }

    /** Checks that the merged document holds each side's edits, combined by the field policies. */
    private static boolean verify(GitDatabase db, int i, boolean byA, boolean byB) {
        JsonNode d = db.get(Corpus.id(i)).orElseThrow().data();
        int visits = (byA ? 1 : 0) + (byB ? 2 : 0);
        String notes = (byA ? "FIRST LINE of " : "first line of ") + i + "\nsecond line\n" + (byB ? "THIRD LINE" : "third line") + "\n";
        boolean ok = d.get("visits").asInt() == visits && d.get("notes").asText().equals(notes)
                && d.get("name").asText().contains("renamed on a") == byA && d.get("email").asText().contains("@b.") == byB
                && d.get("tags").toString().contains("from-a") == byA && d.get("tags").toString().contains("from-b") == byB;
        if (!ok) System.out.println("  merge check failed for document " + i + ": " + d);
        return ok;
    }
}
