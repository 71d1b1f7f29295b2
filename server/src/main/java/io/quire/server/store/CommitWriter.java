package io.quire.server.store;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes commits and moves branches with compare-and-swap, making both durable. A commit costs five
 * syncs, each needed before a write may be acknowledged (a group commit shares them among its writes):
 * <ol>
 *   <li>the new pack and</li>
 *   <li>its index ({@link PackDurability}; JGit renames both into place unsynced), then</li>
 *   <li>the pack directory, so their names survive; all three before the ref moves, or a crash could
 *       leave the branch naming objects that are gone;</li>
 *   <li>the ref's lock file (JGit, {@code core.fsyncRefFiles}), or the rename could publish an empty ref;</li>
 *   <li>the ref's directory after the rename ({@link #moveRef}): until then the rename itself may be
 *       lost (ext4 journals it with the next commit of the journal, up to five seconds later), and the
 *       acknowledged commit with it.</li>
 * </ol>
 */
final class CommitWriter {
    private final Repository repo;
    private final PackDurability packs;

    CommitWriter(Repository repo) {
        this.repo = repo;
        this.packs = new PackDurability(repo.getObjectDatabase() instanceof org.eclipse.jgit.internal.storage.file.ObjectDirectory od
                ? od.getDirectory() : repo.getDirectory());
    }

    static ObjectId commit(ObjectInserter ins, ObjectId tree, List<ObjectId> parents, PersonIdent who, String message) throws IOException {
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        cb.setParentIds(parents);
        cb.setAuthor(who);
        cb.setCommitter(who);
        cb.setMessage(message);
        return ins.insert(cb);
    }

    static PersonIdent ident(String node, Instant when) {
        return new PersonIdent("quire " + node, node + "@quire.invalid", when, TimeZone.getTimeZone("UTC").toZoneId());
    }

    /** Flushes the inserter and makes its pack durable. */
    void flushDurably(ObjectInserter ins) throws IOException {
        ins.flush();
        packs.syncNew();
    }

    /**
     * Moves {@code ref} from {@code expected} (null: must not exist) to {@code next}.
     *
     * @return true when moved; false when someone else moved it first
     */
    boolean moveRef(String ref, ObjectId expected, ObjectId next) throws IOException {
        RefUpdate u = repo.updateRef(ref);
        u.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
        u.setNewObjectId(next);
        u.disableRefLog();
        u.setForceUpdate(true); // merges and rebuilt commits need not be descendants; the CAS is the guard
        RefUpdate.Result r = u.update();
        boolean moved = switch (r) {
            case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> true;
            case LOCK_FAILURE -> false;
            // JGit: "unknown values are failures"
            default -> throw new IOException("cannot move " + ref + " to " + next.name() + ": " + r);
        };
        if (moved && r != RefUpdate.Result.NO_CHANGE) syncRefDirectory(ref);
        return moved;
    }

    /** Makes the rename of a loose ref durable (see the class comment, sync 5). */
    private void syncRefDirectory(String ref) throws IOException {
        if (!PackDurability.ENABLED || repo.getDirectory() == null) return;
        File dir = new File(repo.getDirectory(), ref).getParentFile();
        if (dir.isDirectory()) PackDurability.syncDirectory(dir.toPath());
    }
}
