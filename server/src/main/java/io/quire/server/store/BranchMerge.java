package io.quire.server.store;

import io.quire.sdk.QuireException;
import io.quire.server.store.merge.MergeBases;
import io.quire.server.store.merge.MergeCommits;
import io.quire.server.store.merge.TreeMerger;
import java.io.IOException;
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
        return integrate(db, ref.getObjectId());
    }

    /** Integrates {@code other} into main (writer thread only); returns the new head. */
    static String integrate(GitDatabase db, ObjectId other) throws IOException {
        Repository repo = db.repository();
        ObjectId main = db.currentHead().commit();
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit ours = rw.parseCommit(main);
            RevCommit theirs = rw.parseCommit(other);
            if (rw.isMergedInto(theirs, ours)) return main.name();
            if (rw.isMergedInto(ours, theirs)) {
                db.advance(theirs);
                return theirs.name();
            }
            return mergeCommit(db, ours, theirs, null).name();
        }
    }

    /**
     * Writes and adopts the merge of {@code ours} and {@code theirs}. {@code explicitBase}: a base
     * tree to use instead of searching for one (replication uses its confirmed last common commit
     * when history was pruned); null to search.
     */
    static ObjectId mergeCommit(GitDatabase db, RevCommit ours, RevCommit theirs, ObjectId explicitBase) throws IOException {
        org.eclipse.jgit.internal.storage.file.FileRepository repo = db.repository();
        long start = System.nanoTime();
        try (ObjectInserter ins = repo.getObjectDatabase().newPackInserter(); ObjectReader reader = ins.newReader()) {
            TreeMerger merger = MergeEngine.treeMerger(repo, reader, ins);
            ObjectId base = explicitBase != null ? explicitBase : MergeBases.baseTree(repo, merger, ours, theirs);
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
