package io.quire.server.prune;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replication refs a repack must not trip over: {@code refs/peers/<peer>/main} (what a peer
 * pushed) and {@code refs/remotes/<peer>/main} (what a fetch brought). They only protect a peer
 * head until it is integrated; after that they are history anchors nobody needs. Two things go
 * wrong with them, and both are fixed before each repack (under the maintenance lock):
 * <ul>
 *   <li>a stale one below the horizon reaches around the shallow boundary and keeps all history
 *       alive (benchmarks, "pruning does not reclaim what stale refs reach"): when pruning, one
 *       already merged into main, or older than the horizon by more than {@link #STALE_SECONDS},
 *       is moved to the horizon;</li>
 *   <li>one whose history is incomplete (a fetch raced an earlier repack, or a crash) makes every
 *       repack fail with "Missing commit": it is deleted. The peer's head comes back with the next
 *       push or anti-entropy fetch, since a peer's main only moves forward.</li>
 * </ul>
 * Both updates are compare-and-swap on the value read, so a concurrent push or fetch wins.
 */
final class StaleRefs {
    private static final Logger log = LoggerFactory.getLogger(StaleRefs.class);
    static final long STALE_SECONDS = 3_600;
    /** Commits walked per ref when checking completeness; a longer unique history is assumed sound. */
    static final int CHECK_LIMIT = 10_000;

    private StaleRefs() {
    }

    /** Repairs the replication refs; {@code horizon}: where to move stale ones (null: not pruning). Returns how many changed. */
    static int repair(FileRepository repo, ObjectId main, ObjectId horizon) throws IOException {
        List<Ref> refs = new ArrayList<>(repo.getRefDatabase().getRefsByPrefix("refs/peers/"));
        refs.addAll(repo.getRefDatabase().getRefsByPrefix("refs/remotes/"));
        int changed = 0;
        for (Ref r : refs) {
            ObjectId id = r.getObjectId();
            if (id == null) continue;
            if (!complete(repo, id, main)) {
                if (cas(repo, r, null)) {
                    changed++;
                    log.warn("event=ref_dropped ref={} commit={} reason=incomplete_history", r.getName(), id.name());
                }
                continue;
            }
            if (horizon == null || id.equals(horizon)) continue;
            if (stale(repo, id, main, horizon) && cas(repo, r, horizon)) changed++;
        }
        return changed;
    }

    private static boolean complete(FileRepository repo, ObjectId id, ObjectId main) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            rw.markStart(rw.parseCommit(id));
            rw.markUninteresting(rw.parseCommit(main));
            int n = 0;
            for (RevCommit c; (c = rw.next()) != null && n < CHECK_LIMIT; n++) {
                if (!repo.getObjectDatabase().has(c.getTree())) return false;
            }
            return true;
        } catch (MissingObjectException e) {
            return false;
        }
    }

    private static boolean stale(FileRepository repo, ObjectId id, ObjectId main, ObjectId horizon) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit c = rw.parseCommit(id);
            RevCommit h = rw.parseCommit(horizon);
            if (c.getCommitTime() < h.getCommitTime() - STALE_SECONDS) return true;
            return rw.isMergedInto(c, rw.parseCommit(main));
        }
    }

    /** Moves {@code r} to {@code to} (null: deletes it) unless it changed since it was read. */
    private static boolean cas(FileRepository repo, Ref r, ObjectId to) throws IOException {
        RefUpdate u = repo.updateRef(r.getName());
        u.setExpectedOldObjectId(r.getObjectId());
        u.setForceUpdate(true);
        u.disableRefLog();
        if (to == null) {
            RefUpdate.Result res = u.delete();
            return res == RefUpdate.Result.FORCED || res == RefUpdate.Result.NO_CHANGE;
        }
        u.setNewObjectId(to);
        return switch (u.update()) {
            case FORCED, FAST_FORWARD, NEW, NO_CHANGE -> true;
            default -> false;
        };
    }
}
