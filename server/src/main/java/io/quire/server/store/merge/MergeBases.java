package io.quire.server.store.merge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Finds the base tree of a three-way merge. With several best common ancestors (criss-cross
 * histories, common in a cluster), the base is their merge, computed like Git's "recursive"
 * strategy but with Quire's own document merge: the ancestors are merged pairwise into virtual
 * commits (written as unreferenced objects, never put on a branch) and the result is the base.
 *
 * <pre>
 *   A ── M1 ── ?        two nodes merged A and B at the same time, then changed more:
 *    \ /                the best common ancestors of the two heads are A and B, and
 *    / \                neither alone is a correct base (a counter would count twice).
 *   B ── M2 ── ?
 * </pre>
 */
public final class MergeBases {
    private static final int MAX_DEPTH = 16;
    /**
     * Virtual merges already computed. In a cluster that keeps writing, each merge's bases are the
     * previous merges, whose own virtual base was computed by the merge before: without this every
     * merge recomputed the whole criss-cross ladder down to a single ancestor, and merges on three
     * nodes grew to 5-32 s (docs/benchmarks.md, repl-lag 3x100). A virtual merge is a pure function
     * of the two commits (content-addressed, deterministic), so a remembered id is valid in any
     * repository that still holds the object; the caller checks that it does (a repack drops them).
     */
    private static final VirtualMerges VIRTUAL = new VirtualMerges(8192);

    private MergeBases() {
    }

    /** The best common ancestors of {@code a} and {@code b}, in id order (empty: no common history). */
    public static List<ObjectId> of(RevWalk rw, AnyObjectId a, AnyObjectId b) throws IOException {
        rw.reset();
        rw.setRevFilter(RevFilter.MERGE_BASE);
        rw.markStart(rw.parseCommit(a));
        rw.markStart(rw.parseCommit(b));
        List<ObjectId> bases = new ArrayList<>();
        for (RevCommit c : rw) bases.add(c.copy());
        rw.reset();
        rw.setRevFilter(RevFilter.ALL);
        bases.sort((x, y) -> x.name().compareTo(y.name()));
        return bases;
    }

    /**
     * The base tree for merging {@code a} and {@code b}, or null when they share no history, in a
     * repository whose pruned boundaries carry {@code grafts}, given the best common ancestors when
     * the caller already walked them (null: walk). {@code reader} must see what {@code ins} writes
     * (use {@code ins.newReader()}).
     */
    public static ObjectId baseTree(ObjectReader reader, ObjectInserter ins, TreeMerger merger, Grafts grafts, RevCommit a,
                                    RevCommit b, List<ObjectId> bases) throws IOException {
        ObjectId base = baseCommit(reader, ins, merger, grafts, a, b, bases, 0);
        if (base == null) return null;
        try (RevWalk rw = new RevWalk(reader)) {
            return rw.parseCommit(base).getTree().getId();
        }
    }

    private static ObjectId baseCommit(ObjectReader reader, ObjectInserter ins, TreeMerger merger, Grafts grafts, AnyObjectId a,
                                       AnyObjectId b, List<ObjectId> known, int depth) throws IOException {
        try (RevWalk rw = grafts.walk(reader)) {
            List<ObjectId> bases = known != null ? known : of(rw, a, b);
            if (bases.isEmpty()) return null;
            ObjectId acc = bases.get(0);
            if (depth >= MAX_DEPTH) return acc;
            for (int i = 1; i < bases.size(); i++) {
                ObjectId next = bases.get(i);
                ObjectId known2 = VIRTUAL.get(acc, next);
                if (known2 != null && reader.has(known2)) {
                    acc = known2;
                    continue;
                }
                ObjectId sub = baseCommit(reader, ins, merger, grafts, acc, next, null, depth + 1);
                RevCommit x = rw.parseCommit(acc), y = rw.parseCommit(next);
                ObjectId subTree = sub == null ? null : rw.parseCommit(sub).getTree().getId();
                ObjectId tree = merger.merge(subTree, x, y, false).tree().id();
                ObjectId virtual = MergeCommits.write(ins, tree, x, y); // unreferenced, removed by a later repack
                VIRTUAL.put(acc, next, virtual);
                acc = virtual;
            }
            return acc;
        }
    }
}
