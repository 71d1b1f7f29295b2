package io.quire.server.store.merge;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What a prune knew about the history it dropped: for each commit on the pruned boundary, its
 * nearest ancestors on that boundary. A history written on several nodes at once has no single
 * cut: besides the horizon, every commit above it that has a parent below it keeps that parent as
 * a boundary ("border") whose own parents are dropped. Without these links, a merge-base walk would
 * see borders as unrelated roots — a border reachable from both heads would pass for a best common
 * ancestor although it is an ancestor of the horizon, which is the real one. With them, ancestry
 * among every kept commit is what it was before the prune, so merge bases are too.
 *
 * <p>Walks that decide ancestry (merge bases, checkpoints, horizons) use {@link #walk}; transport
 * and history walks use plain JGit walks, which stop at the boundaries (the {@code shallow} file).
 */
public final class Grafts {
    public static final Grafts NONE = new Grafts(Map.of());

    private final Map<ObjectId, List<ObjectId>> parents;

    public Grafts(Map<? extends ObjectId, ? extends List<? extends ObjectId>> parents) {
        Map<ObjectId, List<ObjectId>> copy = new TreeMap<>();
        parents.forEach((c, ps) -> copy.put(c.copy(), ps.stream().map(ObjectId::copy).toList()));
        this.parents = Map.copyOf(copy);
    }

    public boolean isEmpty() {
        return parents.isEmpty();
    }

    /** The grafted commits and their boundary parents, sorted by commit id. */
    public Map<ObjectId, List<ObjectId>> entries() {
        return new TreeMap<>(parents);
    }

    /** A walk over {@code repo} that sees the grafted parents (never dispose and reuse it: the grafts go with the objects). */
    public RevWalk walk(Repository repo) throws IOException {
        return prepare(new GraftedWalk(repo, this));
    }

    /** A walk over {@code reader} that sees the grafted parents. */
    public RevWalk walk(ObjectReader reader) throws IOException {
        return prepare(new GraftedWalk(reader, this));
    }

    private RevWalk prepare(GraftedWalk rw) throws IOException {
        if (!isEmpty()) rw.applyGrafts();
        return rw;
    }

    private static final class GraftedWalk extends RevWalk {
        private final Grafts grafts;

        GraftedWalk(Repository repo, Grafts grafts) {
            super(repo);
            this.grafts = grafts;
        }

        GraftedWalk(ObjectReader reader, Grafts grafts) {
            super(reader);
            this.grafts = grafts;
        }

        @Override
        protected RevCommit createCommit(AnyObjectId id) {
            return grafts.parents.containsKey(id) ? new GraftedCommit(id) : super.createCommit(id);
        }

        @Override
        protected RevCommit createCommit(AnyObjectId id, int graphPosition) {
            return grafts.parents.containsKey(id) ? new GraftedCommit(id) : super.createCommit(id, graphPosition);
        }

        /**
         * JGit empties the parents of every shallow commit when a walk parses its first commit, so
         * the grafts go in after one parse; parsing keeps parents that are already set.
         */
        void applyGrafts() throws IOException {
            for (ObjectId c : grafts.parents.keySet()) {
                try {
                    parseCommit(c);
                    break;
                } catch (MissingObjectException gone) {
                    // removed by a later repack; its graft is never reached
                }
            }
            for (Map.Entry<ObjectId, List<ObjectId>> e : grafts.parents.entrySet()) {
                RevCommit[] ps = e.getValue().stream().map(this::lookupCommit).toArray(RevCommit[]::new);
                ((GraftedCommit) lookupCommit(e.getKey())).graft(ps);
            }
        }
    }

    private static final class GraftedCommit extends RevCommit {
        GraftedCommit(AnyObjectId id) {
            super(id);
        }

        void graft(RevCommit[] ps) {
            parents = ps;
        }
    }
}
