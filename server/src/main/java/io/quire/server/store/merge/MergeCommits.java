package io.quire.server.store.merge;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Deterministic merge commits: parents in id order, a fixed identity and message, and the time of
 * the newer parent. Two replicas that merge the same two heads create the same commit id, which is
 * what lets a cluster settle on one head instead of merging forever (ARCHITECTURE.md §2).
 */
public final class MergeCommits {
    public static final String NAME = "quire merge";
    public static final String EMAIL = "merge@quire.invalid";

    private MergeCommits() {
    }

    /** The two commits in canonical order (smaller id first): the merge's "left" and "right". */
    public static RevCommit[] ordered(RevCommit a, RevCommit b) {
        return a.name().compareTo(b.name()) <= 0 ? new RevCommit[]{a, b} : new RevCommit[]{b, a};
    }

    public static Instant time(RevCommit a, RevCommit b) {
        return Instant.ofEpochSecond(Math.max(a.getCommitTime(), b.getCommitTime()));
    }

    private static final String SETTLE = "quire: settle\n";

    /**
     * The commit that joins heads with equal trees: every head in {@code parents} (at least two,
     * none an ancestor of another) as a parent, in id order, with their common tree. A pure function
     * of the set, so replicas that joined the same heads in any order, pairwise or not, create the
     * same commit. Joining rather than keeping one head keeps every replica's history (later merge
     * bases depend on it) and its main moving forward only.
     */
    public static ObjectId settle(ObjectInserter ins, ObjectId tree, List<RevCommit> parents) throws IOException {
        List<ObjectId> ids = new ArrayList<>();
        long time = 0;
        for (RevCommit p : parents) {
            ids.add(p.getId());
            time = Math.max(time, p.getCommitTime());
        }
        ids.sort(Comparator.comparing(ObjectId::name));
        PersonIdent who = new PersonIdent(NAME, EMAIL, Instant.ofEpochSecond(time), TimeZone.getTimeZone("UTC").toZoneId());
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        cb.setParentIds(ids);
        cb.setAuthor(who);
        cb.setCommitter(who);
        cb.setMessage(SETTLE);
        return ins.insert(cb);
    }

    /** Whether {@code c} (parsed with its body) was made by {@link #settle}. */
    public static boolean isSettle(RevCommit c) {
        return c.getParentCount() >= 2 && SETTLE.equals(c.getFullMessage()) && EMAIL.equals(c.getCommitterIdent().getEmailAddress());
    }

    public static ObjectId write(ObjectInserter ins, ObjectId tree, RevCommit a, RevCommit b) throws IOException {
        List<ObjectId> parents = new ArrayList<>(List.of(a.getId(), b.getId()));
        parents.sort(Comparator.comparing(ObjectId::name));
        PersonIdent who = new PersonIdent(NAME, EMAIL, time(a, b), TimeZone.getTimeZone("UTC").toZoneId());
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        cb.setParentIds(parents);
        cb.setAuthor(who);
        cb.setCommitter(who);
        cb.setMessage("quire: merge " + parents.get(0).name() + " " + parents.get(1).name() + "\n");
        return ins.insert(cb);
    }
}
