package io.quire.server.prune;

import io.quire.server.store.Compaction;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps repositories small, always under the writer lock (a repack racing a commit could delete
 * the pack of a commit not yet on a ref):
 * <ul>
 *   <li><b>compaction</b>: every group commit writes a small pack; once there are more than
 *       {@link #MAX_PACKS}, they are repacked into one, so reads do not slow down;</li>
 *   <li><b>pruning</b>: history older than the horizon — the newest commit every peer is known to
 *       hold (the merge base of the per-peer checkpoints) — is cut with a shallow boundary and
 *       dropped by the repack (ARCHITECTURE.md §3, the 2005 rule). Only with peers, only when every
 *       peer has a checkpoint, and only when at least {@link #MIN_PRUNE_COMMITS} commits lie below.</li>
 * </ul>
 */
public final class Maintenance {
    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
    public static final int MAX_PACKS = 32;
    public static final int MIN_PRUNE_COMMITS = 500;

    private Maintenance() {
    }

    /** Runs what is due for every database; meant to be called periodically. */
    public static void runAll(GitDatabases dbs, Set<String> peers) {
        for (GitDatabase db : dbs.all()) {
            try {
                run(db, peers, false);
            } catch (RuntimeException e) {
                log.warn("event=maintenance_failed db={} error={}", db.name(), e.toString());
            }
        }
    }

    /** What one run did. */
    public record Outcome(boolean repacked, ObjectId prunedAt, int packsBefore, long millis) {
    }

    /** Compacts and prunes one database when due ({@code force}: repack even with few packs). */
    public static Outcome run(GitDatabase db, Set<String> peers, boolean force) {
        return db.exclusive(() -> {
            long start = System.nanoTime();
            FileRepository repo = db.repository();
            int packs = repo.getObjectDatabase().getPacks().size();
            ObjectId horizon = peers.isEmpty() ? null : horizon(repo, peers);
            boolean prune = horizon != null && commitsBelow(repo, horizon) >= MIN_PRUNE_COMMITS;
            if (!prune && !force && packs <= MAX_PACKS) return new Outcome(false, null, packs, 0);
            if (prune) {
                setShallow(repo, horizon);
                publish(repo, horizon);
            }
            Compaction.repack(repo, prune); // deltas only when pruning: it is the slow kind
            long ms = (System.nanoTime() - start) / 1_000_000;
            log.info("event=maintenance db={} packs_before={} pruned_at={} ms={}", db.name(), packs, prune ? horizon.name() : "-", ms);
            return new Outcome(true, prune ? horizon : null, packs, ms);
        });
    }

    /** The merge base of every peer's checkpoint, or null when a peer has none yet. */
    static ObjectId horizon(FileRepository repo, Set<String> peers) throws IOException {
        List<ObjectId> points = new ArrayList<>();
        for (String p : peers) {
            Ref r = repo.exactRef("refs/common/" + p);
            if (r == null) return null;
            points.add(r.getObjectId());
        }
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit acc = rw.parseCommit(points.get(0));
            for (int i = 1; i < points.size(); i++) {
                rw.reset();
                rw.setRevFilter(RevFilter.MERGE_BASE);
                rw.markStart(acc);
                rw.markStart(rw.parseCommit(points.get(i)));
                RevCommit base = rw.next();
                if (base == null) return null;
                acc = base; // the next round resets the walk; JGit refuses a filter change mid-walk
            }
            return acc.copy();
        }
    }

    private static long commitsBelow(FileRepository repo, ObjectId horizon) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit h = rw.parseCommit(horizon);
            long n = 0;
            for (RevCommit p : h.getParents()) {
                rw.markStart(rw.parseCommit(p));
            }
            while (rw.next() != null && n < MIN_PRUNE_COMMITS) n++;
            return n;
        }
    }

    private static void setShallow(FileRepository repo, ObjectId horizon) throws IOException {
        ObjectDirectory od = repo.getObjectDatabase();
        od.setShallowCommits(Set.of(horizon));
    }

    private static void publish(FileRepository repo, ObjectId horizon) throws IOException {
        org.eclipse.jgit.lib.RefUpdate u = repo.updateRef(io.quire.server.store.StoreLayout.HORIZON_REF);
        u.setNewObjectId(horizon);
        u.setForceUpdate(true);
        u.disableRefLog();
        u.update();
    }

}
