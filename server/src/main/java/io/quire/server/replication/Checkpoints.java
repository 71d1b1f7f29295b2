package io.quire.server.replication;

import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * The last commit confirmed common with each peer, kept as a ref ({@code refs/common/<peer>}):
 * the merge base when that peer comes back after history was pruned, and the bound below which
 * history may be pruned (the horizon is the oldest of them). Written only once the commit is in
 * our main and known to be in the peer's.
 */
final class Checkpoints {
    private Checkpoints() {
    }

    static String ref(String peer) {
        return "refs/common/" + peer;
    }

    static ObjectId get(Repository repo, String peer) throws IOException {
        Ref r = repo.exactRef(ref(peer));
        return r == null ? null : r.getObjectId();
    }

    /** Moves the checkpoint to {@code commit} unless it already holds a descendant of it (a late, older push). */
    static void advance(Repository repo, String peer, ObjectId commit) throws IOException {
        ObjectId current = get(repo, peer);
        if (current != null && !current.equals(commit)) {
            try (org.eclipse.jgit.revwalk.RevWalk rw = io.quire.server.store.GraftsFile.read(repo).walk(repo)) {
                // A merge-base walk, not isMergedInto: that walks the whole history when the answer is no (the usual case here).
                if (io.quire.server.store.merge.MergeBases.of(rw, commit, current).contains(commit)) return;
            } catch (org.eclipse.jgit.errors.MissingObjectException pruned) {
                // the old checkpoint is below a pruned horizon: the new one is newer
            }
        }
        set(repo, peer, commit);
    }

    static void set(Repository repo, String peer, ObjectId commit) throws IOException {
        RefUpdate u = repo.updateRef(ref(peer));
        u.setNewObjectId(commit);
        u.setForceUpdate(true);
        u.disableRefLog();
        RefUpdate.Result r = u.update();
        switch (r) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {
            }
            default -> throw new IOException("cannot record the common commit with " + peer + ": " + r);
        }
    }
}
