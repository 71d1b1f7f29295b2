package io.quire.server.store;

import io.quire.sdk.Change;
import io.quire.sdk.ChangeBatch;
import io.quire.sdk.DocumentId;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The documents that differ between two commits, found by a tree walk that skips equal subtrees,
 * so its cost follows the size of the change, not of the database.
 */
final class ChangeFeed {
    private static final int MAX_CHAIN = 100_000;

    private ChangeFeed() {
    }

    /** Changes from {@code from} (null: the empty database) to {@code to}. */
    static ChangeBatch between(Repository repo, ObjectId from, ObjectId to) {
        try (RevWalk rw = new RevWalk(repo)) {
            return new ChangeBatch(from == null ? "" : from.name(), to.name(),
                    diff(repo, from == null ? null : rw.parseCommit(from), rw.parseCommit(to)));
        } catch (IOException e) {
            throw new QuireException.Unavailable("cannot read changes: " + e.getMessage());
        }
    }

    /**
     * Changes since a commit, at most about {@code limit} documents: when there are more, the batch
     * stops at an intermediate commit of the first-parent chain, and {@code until} says where to
     * resume. A single commit with more changes than the limit is returned whole.
     */
    static ChangeBatch changes(Repository repo, String since, Head head, int limit) {
        if (since.equals(head.commitName())) return new ChangeBatch(since, since, List.of());
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit to = rw.parseCommit(head.commit());
            RevCommit from = null;
            if (!since.isEmpty()) {
                if (!ObjectId.isId(since)) throw new QuireException.InvalidRequest("'since' must be a commit id (40 hex digits)");
                try {
                    from = rw.parseCommit(ObjectId.fromString(since));
                } catch (org.eclipse.jgit.errors.MissingObjectException e) {
                    throw new QuireException.NotFound("commit " + since + " is not in this database's retained history; read the changes since \"\" (everything) instead");
                }
            }
            List<Change> all = diff(repo, from, to);
            if (all.size() <= limit || from == null) return new ChangeBatch(since, to.name(), all);
            RevCommit until = stopPoint(rw, from, to, limit, repo);
            return new ChangeBatch(since, until.name(), diff(repo, from, until));
        } catch (IOException e) {
            throw new QuireException.Unavailable("cannot read changes: " + e.getMessage());
        }
    }

    /** The newest commit on the first-parent chain from {@code from} to {@code to} whose cumulative changes stay within the limit. */
    private static RevCommit stopPoint(RevWalk rw, RevCommit from, RevCommit to, int limit, Repository repo) throws IOException {
        List<RevCommit> chain = new ArrayList<>();
        for (RevCommit c = to; c != null && chain.size() < MAX_CHAIN; ) {
            if (c.equals(from)) break;
            chain.add(c);
            rw.parseHeaders(c);
            c = c.getParentCount() == 0 ? null : rw.parseCommit(c.getParent(0));
            if (c == null) return to; // since is not on the first-parent chain: no clean resume point
        }
        RevCommit best = chain.get(chain.size() - 1); // at least one commit, even if bigger than the limit
        for (int i = chain.size() - 2; i >= 0; i--) {
            if (diff(repo, from, chain.get(i)).size() > limit) break;
            best = chain.get(i);
        }
        return best;
    }

    static List<Change> diff(Repository repo, RevCommit from, RevCommit to) throws IOException {
        List<Change> out = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            if (from == null) tw.addTree(new EmptyTreeIterator());
            else tw.addTree(from.getTree());
            tw.addTree(to.getTree());
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                Optional<DocumentId> id = StoreLayout.parseDocPath(tw.getPathString());
                if (id.isEmpty()) continue;
                ObjectId before = tw.getObjectId(0);
                ObjectId after = tw.getObjectId(1);
                out.add(new Change(id.get(), rev(after), rev(before)));
            }
        }
        return out;
    }

    private static Optional<Revision> rev(ObjectId id) {
        return id.equals(ObjectId.zeroId()) ? Optional.empty() : Optional.of(new Revision(id.name()));
    }
}
