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
