package io.quire.server.store.merge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Finds the base tree of a three-way merge. With several best common ancestors (criss-cross
 * histories, common in a cluster), the base is the merge of those ancestors, computed recursively
 * like Git's "recursive" strategy but with Quire's own document merge, and never committed.
 */
public final class MergeBases {
    private static final int MAX_DEPTH = 8;

    private MergeBases() {
    }

    public static List<RevCommit> of(Repository repo, RevWalk rw, RevCommit a, RevCommit b) throws IOException {
        rw.reset();
        rw.setRevFilter(RevFilter.MERGE_BASE);
        rw.markStart(rw.parseCommit(a));
        rw.markStart(rw.parseCommit(b));
        List<RevCommit> bases = new ArrayList<>();
        for (RevCommit c : rw) bases.add(c);
        rw.reset();
        rw.setRevFilter(RevFilter.ALL);
        bases.sort((x, y) -> x.name().compareTo(y.name()));
        return bases;
    }

    /** The base tree for merging {@code a} and {@code b}, or null when they share no history. */
    public static ObjectId baseTree(Repository repo, TreeMerger merger, RevCommit a, RevCommit b) throws IOException {
        return baseTree(repo, merger, a, b, 0);
    }

    private static ObjectId baseTree(Repository repo, TreeMerger merger, RevCommit a, RevCommit b, int depth) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            List<RevCommit> bases = of(repo, rw, a, b);
            if (bases.isEmpty()) return null;
            RevCommit first = rw.parseCommit(bases.get(0));
            if (bases.size() == 1 || depth >= MAX_DEPTH) return first.getTree().getId();
            // Fold the bases pairwise; each step merges two of them over their own base. With more
            // than two bases this approximates Git's recursive strategy (consecutive pairs).
            ObjectId tree = first.getTree().getId();
            RevCommit acc = first;
            for (int i = 1; i < bases.size(); i++) {
                RevCommit next = rw.parseCommit(bases.get(i));
                ObjectId sub = baseTree(repo, merger, acc, next, depth + 1);
                tree = merger.merge(sub, acc, next).tree().id();
                acc = next;
            }
            return tree;
        }
    }
}
