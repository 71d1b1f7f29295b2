package io.quire.server.prune;

import io.quire.server.store.merge.Grafts;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Where a prune cuts history: the horizon and every "border" — an ancestor of the horizon that is a
 * parent of a kept commit (one reachable from a ref without being an ancestor of the horizon).
 *
 * <pre>
 *   a5 ── a6 ──────── M      node a wrote a6 on a5 while node b merged a5 into H; H is the
 *    \                /      horizon (every peer confirmed it), a6 is not below it. Cutting
 *     H ─────────────┘       at H alone keeps a5 and, through it, all history below. Cutting
 *    /                       at H and a5 keeps a5's tree (a6's parent) and drops the rest.
 *   b5
 * </pre>
 *
 * Every boundary keeps its tree and loses its parents; the {@link Grafts} link each boundary to
 * its nearest boundary ancestors (a5 under H here), so ancestry among all kept commits, and with
 * it every merge base, stays what it was.
 */
record Cut(ObjectId horizon, Set<ObjectId> borders, Grafts grafts) {

    /** The boundary commits: the horizon and the borders. */
    Set<ObjectId> boundaries() {
        Set<ObjectId> all = new LinkedHashSet<>(borders);
        all.add(horizon);
        return all;
    }

    /**
     * Computes the cut at {@code horizon} for the history reachable from {@code tips}, walking
     * with {@code rw} (a walk that sees the current grafts, so older cuts are crossed correctly).
     */
    static Cut at(RevWalk rw, ObjectId horizon, Collection<ObjectId> tips) throws IOException {
        RevFlag below = rw.newFlag("below-horizon");
        RevFlag kept = rw.newFlag("kept");
        RevCommit h = rw.parseCommit(horizon);
        mark(rw, h, below);

        Set<ObjectId> borders = new LinkedHashSet<>();
        Deque<RevCommit> todo = new ArrayDeque<>();
        for (ObjectId t : tips) {
            RevCommit c = rw.parseCommit(t);
            if (c.has(below)) {
                if (!c.equals(h)) borders.add(c.copy()); // a ref below the horizon keeps its commit, not its history
            } else if (!c.has(kept)) {
                c.add(kept);
                todo.push(c);
            }
        }
        while (!todo.isEmpty()) {
            RevCommit c = todo.pop();
            for (RevCommit p : c.getParents()) {
                rw.parseHeaders(p);
                if (p.has(below)) {
                    if (!p.equals(h)) borders.add(p.copy());
                } else if (!p.has(kept)) {
                    p.add(kept);
                    todo.push(p);
                }
            }
        }

        Map<ObjectId, List<ObjectId>> grafts = new LinkedHashMap<>();
        for (ObjectId b : borders) grafts.put(b, nearest(rw, rw.parseCommit(b), borders));
        grafts.put(h.copy(), nearest(rw, h, borders));
        grafts.values().removeIf(List::isEmpty);
        return new Cut(h.copy(), borders, new Grafts(grafts));
    }

    /** Marks {@code from} and all its ancestors. */
    private static void mark(RevWalk rw, RevCommit from, RevFlag flag) throws IOException {
        Deque<RevCommit> todo = new ArrayDeque<>();
        from.add(flag);
        todo.push(from);
        while (!todo.isEmpty()) {
            for (RevCommit p : todo.pop().getParents()) {
                if (p.has(flag)) continue;
                rw.parseHeaders(p);
                p.add(flag);
                todo.push(p);
            }
        }
    }

    /**
     * The members of {@code borders} first met on each path down from {@code from}: its nearest
     * boundary ancestors. Those further down are reached through them, by their own grafts.
     */
    private static List<ObjectId> nearest(RevWalk rw, RevCommit from, Set<ObjectId> borders) throws IOException {
        Set<RevCommit> seen = new java.util.HashSet<>();
        Set<ObjectId> found = new java.util.TreeSet<>();
        Deque<RevCommit> todo = new ArrayDeque<>();
        todo.push(from);
        while (!todo.isEmpty()) {
            for (RevCommit p : todo.pop().getParents()) {
                if (!seen.add(p)) continue;
                if (borders.contains(p)) {
                    found.add(p.copy());
                    continue;
                }
                rw.parseHeaders(p);
                todo.push(p);
            }
        }
        return List.copyOf(found);
    }
}
