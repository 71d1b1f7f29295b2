package io.quire.server.store;

import io.quire.sdk.QuireException;
import io.quire.server.store.merge.Grafts;
import io.quire.server.store.merge.MergeBases;
import io.quire.server.store.merge.MergeCommits;
import io.quire.server.store.merge.TreeMerger;
import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Integrates another commit into main: nothing when main already contains it, a fast-forward when
 * main is its ancestor, otherwise a deterministic merge commit. Runs on the writer thread.
 */
final class BranchMerge {
    private static final Logger log = LoggerFactory.getLogger(BranchMerge.class);

    private BranchMerge() {
    }

    /** Merges {@code refs/heads/<branch>} into main. */
    static String run(GitDatabase db, String branch) throws IOException {
        if (branch == null || !Repository.isValidRefName("refs/heads/" + branch) || branch.equals("main"))
            throw new QuireException.InvalidRequest("invalid branch name '" + branch + "'");
        Ref ref = db.repository().exactRef("refs/heads/" + branch);
        if (ref == null) throw new QuireException.NotFound("no branch '" + branch + "' in database " + db.name());
        return integrate(db, ref.getObjectId(), null).head().name();
    }

    /**
     * Integrates {@code other} into main (writer thread only). One merge-base walk answers every
     * question: it stops once the divergent part is painted, whereas {@code isMergedInto} walks the
     * whole history whenever the answer is no, and that grew with every commit.
     */
    static Integration integrate(GitDatabase db, ObjectId other, ObjectId fallbackBase) throws IOException {
        Repository repo = db.repository();
        ObjectId main = db.currentHead().commit();
        Grafts grafts = GraftsFile.read(repo);
        try (RevWalk rw = grafts.walk(repo)) {
            RevCommit ours = rw.parseCommit(main);
            RevCommit theirs = rw.parseCommit(other);
            if (ours.equals(theirs)) return new Integration(main, true);
            List<ObjectId> bases = MergeBases.of(rw, ours, theirs);
            if (bases.contains(theirs)) return new Integration(main, true);
            if (bases.contains(ours)) {
                db.advance(theirs);
                return new Integration(theirs, true);
            }
            if (ours.getTree().equals(theirs.getTree())) return settle(db, rw, ours, theirs);
            if (fallbackBase != null && bases.isEmpty() && repo.getObjectDatabase().has(fallbackBase))
                return new Integration(mergeOnto(db, ours, theirs, rw.parseCommit(fallbackBase).getTree().getId()), true);
            return new Integration(mergeCommit(db, ours, theirs, bases, grafts, null), true);
        }
    }

    /**
     * Two heads that differ only in history, not in content: joined by one commit whose parents
     * are the heads underneath both (a settle commit's own parents stand for it, and ancestors of
     * another are left out), so every replica that joins the same heads, in whatever order, makes
     * the same commit. Merging pairwise made a new head each time, and with three or more nodes
     * merging pairs in different orders those heads kept differing, so a quiet cluster never
     * settled (docs/benchmarks.md, replication). Keeping one of the two heads instead settled, but
     * dropped the other history from main, and later merge bases need it: a document deleted in
     * the dropped history came back in the next merge with a history that still had it.
     */
    private static Integration settle(GitDatabase db, RevWalk rw, RevCommit ours, RevCommit theirs) throws IOException {
        List<RevCommit> heads = new java.util.ArrayList<>();
        for (RevCommit side : List.of(ours, theirs)) {
            if (!MergeCommits.isSettle(side)) heads.add(side);
            else for (RevCommit p : side.getParents()) heads.add(rw.parseCommit(p));
        }
        List<RevCommit> frontier = new java.util.ArrayList<>();
        for (RevCommit c : heads) {
            if (frontier.contains(c)) continue;
            boolean below = false;
            for (RevCommit d : heads) {
                if (d.equals(c)) continue;
                if (MergeBases.of(rw, c, d).contains(c)) {
                    below = true;
                    break;
                }
            }
            if (!below) frontier.add(c);
        }
        if (frontier.size() == 1) { // one head already holds every other: the joining commit would add nothing
            RevCommit all = frontier.get(0);
            if (all.equals(ours)) return new Integration(ours, false);
            db.advance(all);
            return new Integration(all, all.equals(theirs));
        }
        org.eclipse.jgit.internal.storage.file.FileRepository repo = db.repository();
        try (ObjectInserter ins = Compaction.inserter(repo)) {
            ObjectId commit = MergeCommits.settle(ins, ours.getTree().getId(), frontier);
            db.flushDurably(ins);
            db.advance(commit);
            log.debug("event=settled db={} ours={} theirs={} result={} heads={}", db.name(), ours.name(), theirs.name(), commit.name(),
                    frontier.size());
            return new Integration(commit, true);
        }
    }

    /**
     * The merge for a node that comes back after its last common commit was pruned elsewhere
     * (ARCHITECTURE.md §3): merge with the remembered common commit as the explicit base, and
     * commit the result on top of the peer's head alone, so the peer receives a plain fast-forward
     * and no pruned history is needed on either side. Offline changes are kept (they are in the
     * merged tree); deletes made elsewhere stay deleted (the base says the document existed).
     */
    static ObjectId mergeOnto(GitDatabase db, RevCommit ours, RevCommit theirs, ObjectId baseTree) throws IOException {
        org.eclipse.jgit.internal.storage.file.FileRepository repo = db.repository();
        try (ObjectInserter ins = Compaction.inserter(repo); ObjectReader reader = ins.newReader()) {
            TreeMerger.Result result = MergeEngine.treeMerger(repo, reader, ins).merge(baseTree, ours, theirs);
            ObjectId commit = CommitWriter.commit(ins, result.tree().id(), java.util.List.of(theirs.getId()),
                    CommitWriter.ident(db.node(), MergeCommits.time(ours, theirs)), "quire: merge across a pruned horizon\n");
            db.flushDurably(ins);
            db.advance(commit);
            log.info("event=merged_onto db={} ours={} theirs={} result={}", db.name(), ours.name(), theirs.name(), commit.name());
            return commit;
        }
    }

    /** The merge of {@code ours} and {@code theirs} on an explicit base tree (tests of policies on a known base). */
    static ObjectId mergeCommit(GitDatabase db, RevCommit ours, RevCommit theirs, ObjectId baseTree) throws IOException {
        return mergeCommit(db, ours, theirs, null, Grafts.NONE, baseTree);
    }

    /**
     * Writes and adopts the merge of {@code ours} and {@code theirs}, on {@code baseTree} or, when
     * null, on the base computed from their best common ancestors {@code bases} (walked through the
     * repository's {@code grafts}).
     */
    private static ObjectId mergeCommit(GitDatabase db, RevCommit ours, RevCommit theirs, List<ObjectId> bases, Grafts grafts,
                                        ObjectId baseTree) throws IOException {
        org.eclipse.jgit.internal.storage.file.FileRepository repo = db.repository();
        long start = System.nanoTime();
        try (ObjectInserter ins = Compaction.inserter(repo); ObjectReader reader = ins.newReader()) {
            TreeMerger merger = MergeEngine.treeMerger(repo, reader, ins);
            ObjectId base = baseTree != null ? baseTree
                    : MergeBases.baseTree(reader, ins, merger, grafts, ours, theirs, bases);
            TreeMerger.Result result = merger.merge(base, ours, theirs);
            ObjectId commit = MergeCommits.write(ins, result.tree().id(), ours, theirs);
            db.flushDurably(ins);
            db.advance(commit);
            log.info("event=merged db={} ours={} theirs={} result={} conflicts={} ms={}", db.name(), ours.name(), theirs.name(),
                    commit.name(), result.conflicts(), (System.nanoTime() - start) / 1_000_000);
            return commit;
        }
    }
}
