package io.quire.server.prune;

import io.quire.server.store.Compaction;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import io.quire.server.store.GraftsFile;
import io.quire.server.store.StoreLayout;
import io.quire.server.store.merge.MergeBases;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.eclipse.jgit.errors.CancelledException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps repositories small, on the writer thread and under the write side of the database's
 * {@linkplain GitDatabase#objectsLock() objects lock} (no commit, merge, fetch or push of this
 * repository runs meanwhile; see there for the discipline):
 * <ul>
 *   <li><b>compaction</b>: every group commit writes a small pack; once there are more than
 *       {@link #MAX_PACKS}, they are repacked into one, so reads do not slow down;</li>
 *   <li><b>pruning</b>: history older than the horizon — the merge base of the per-peer checkpoints
 *       ({@code refs/common/<peer>}) — is cut with a shallow boundary and dropped by the repack
 *       (ARCHITECTURE.md §3). Only with peers, only when every peer has a checkpoint, and only when
 *       {@link #MIN_PRUNE_COMMITS} commits lie below or the last prune is long enough ago. A peer whose checkpoint is older than
 *       the hold ({@code cluster.pruneHoldHours}) no longer holds the horizon back; its checkpoint
 *       becomes a boundary of its own, so its tree stays as the merge base for its return.</li>
 * </ul>
 * Each run is bounded: it waits at most {@link #LOCK_WAIT} for running transfers, and JGit abandons
 * the repack at the run's deadline (safely: see {@link Compaction#repack(FileRepository, boolean, long)}).
 */
public final class Maintenance {
    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
    public static final int MAX_PACKS = 32;
    public static final int MIN_PRUNE_COMMITS = 500;
    public static final Duration DEFAULT_PRUNE_HOLD = Duration.ofHours(168);
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(2);
    static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    static final Duration MIN_PRUNE_INTERVAL = Duration.ofMinutes(1);
    static final int PRUNE_SPACING = 20;
    /** Per repository: when its last prune ended and how long it took (ms). In memory: a restart may prune once early. */
    private static final java.util.Map<String, long[]> LAST_PRUNE = new java.util.concurrent.ConcurrentHashMap<>();

    private Maintenance() {
    }

    /**
     * What a run may do: prune against {@code peers}' checkpoints (none: compaction only), ignoring
     * checkpoints older than {@code pruneHold} behind main, once {@code minCommits} lie below the
     * horizon, within {@code budget}.
     */
    public record Settings(Set<String> peers, Duration pruneHold, int minCommits, Duration budget) {
        public Settings {
            peers = Set.copyOf(peers);
        }

        public static Settings of(Set<String> peers, Duration pruneHold) {
            return new Settings(peers, pruneHold, MIN_PRUNE_COMMITS, DEFAULT_BUDGET);
        }
    }

    /** Runs what is due for every database; meant to be called periodically. */
    public static void runAll(GitDatabases dbs, Set<String> peers) {
        runAll(dbs, Settings.of(peers, DEFAULT_PRUNE_HOLD));
    }

    /** Runs what is due for every database, each run bounded by the settings' budget. */
    public static void runAll(GitDatabases dbs, Settings settings) {
        for (GitDatabase db : dbs.all()) {
            try {
                run(db, settings, false);
            } catch (RuntimeException e) {
                log.warn("event=maintenance_failed db={} error={}", db.name(), e.toString());
            }
        }
    }

    /** What one run did ({@code prunedAt}: the horizon, when it pruned; {@code borders}: other boundaries of that cut). */
    public record Outcome(boolean repacked, ObjectId prunedAt, int packsBefore, long millis, int borders) {
        Outcome(boolean repacked, ObjectId prunedAt, int packsBefore, long millis) {
            this(repacked, prunedAt, packsBefore, millis, 0);
        }
    }

    /** Compacts and prunes one database when due ({@code force}: repack even with few packs). */
    public static Outcome run(GitDatabase db, Set<String> peers, boolean force) {
        return run(db, peers, force, MIN_PRUNE_COMMITS);
    }

    /** As {@link #run(GitDatabase, Set, boolean)}, pruning once {@code minCommits} lie below the horizon. */
    public static Outcome run(GitDatabase db, Set<String> peers, boolean force, int minCommits) {
        return run(db, new Settings(peers, DEFAULT_PRUNE_HOLD, minCommits, DEFAULT_BUDGET), force);
    }

    public static Outcome run(GitDatabase db, Settings settings, boolean force) {
        return db.exclusive(() -> {
            long start = System.nanoTime();
            Lock lock = db.objectsLock().writeLock();
            if (!lock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("event=maintenance_deferred db={} reason=git_transport_busy", db.name());
                return new Outcome(false, null, -1, 0);
            }
            try {
                return runLocked(db, settings, force, start);
            } finally {
                lock.unlock();
            }
        });
    }

    private static Outcome runLocked(GitDatabase db, Settings settings, boolean force, long start) throws IOException {
        FileRepository repo = db.repository();
        int packs = repo.getObjectDatabase().getPacks().size();
        Horizon h = settings.peers().isEmpty() ? null : horizon(repo, db.currentHead().commit(), settings.peers(), settings.pruneHold());
        boolean prune = h != null && due(repo, commitsBelow(repo, h.commit(), settings.minCommits()), settings.minCommits());
        if (!prune && !force && packs <= MAX_PACKS) return new Outcome(false, null, packs, 0);
        long deadline = start + settings.budget().toNanos();
        Set<ObjectId> boundariesBefore = ShallowSet.present(repo);
        int moved = StaleRefs.repair(repo, db.currentHead().commit(), prune ? h.commit() : null);
        Cut cut = null;
        if (prune) {
            cut = cut(repo, h.commit());
            if (cut == null) {
                log.info("event=prune_skipped db={} reason=horizon_not_above_previous horizon={}", db.name(), h.commit().name());
                prune = false;
            }
        }
        if (prune) {
            Set<ObjectId> add = new LinkedHashSet<>(h.absentCheckpoints());
            add.addAll(cut.boundaries());
            GraftsFile.write(repo, cut.grafts()); // before the boundaries: see GraftsFile
            ShallowSet.add(repo, add);
            publish(repo, cut);
        }
        if (!prune && !force && packs <= MAX_PACKS) return new Outcome(false, null, packs, 0);
        try {
            Compaction.repack(repo, prune, deadline); // deltas only when pruning: it is the slow kind
        } catch (CancelledException e) {
            log.warn("event=maintenance_abandoned db={} budget_ms={}", db.name(), settings.budget().toMillis());
            return new Outcome(false, null, packs, (System.nanoTime() - start) / 1_000_000);
        } finally {
            ShallowSet.dropGone(repo, boundariesBefore, System.currentTimeMillis());
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (prune) LAST_PRUNE.put(key(repo), new long[]{System.currentTimeMillis(), ms});
        log.info("event=maintenance db={} packs_before={} pruned_at={} borders={} held_out={} refs_moved={} ms={}", db.name(), packs,
                prune ? h.commit().name() : "-", prune ? cut.borders().size() : 0, prune ? h.heldOut() : List.of(), moved, ms);
        return new Outcome(true, prune ? h.commit() : null, packs, ms, prune ? cut.borders().size() : 0);
    }

    /** The horizon, and the peers left out of it (too long without a confirmed commit) with their checkpoints. */
    record Horizon(ObjectId commit, List<String> heldOut, List<ObjectId> absentCheckpoints) {
    }

    /**
     * The merge base of the checkpoints of every peer seen within {@code hold}, or null when a peer
     * has none yet (it never confirmed anything: it may still need the whole history). A peer is
     * "seen" when its checkpoint's commit time is within {@code hold} of main's: commit times come
     * from the writers' clocks, which is plenty for a hold measured in hours, and they survive
     * restarts. With every peer held out, the horizon is main itself.
     */
    static Horizon horizon(FileRepository repo, ObjectId main, Set<String> peers, Duration hold) throws IOException {
        List<ObjectId> points = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        List<ObjectId> absent = new ArrayList<>();
        try (RevWalk rw = new RevWalk(repo)) {
            long mainTime = rw.parseCommit(main).getCommitTime() * 1000L;
            for (String p : peers.stream().sorted().toList()) {
                Ref r = repo.exactRef("refs/common/" + p);
                if (r == null) return null;
                RevCommit c = rw.parseCommit(r.getObjectId());
                if (mainTime - c.getCommitTime() * 1000L > hold.toMillis()) {
                    heldOut.add(p);
                    absent.add(c.copy());
                } else {
                    points.add(c.copy());
                }
            }
        }
        if (points.isEmpty()) return new Horizon(main.copy(), heldOut, absent);
        try (RevWalk rw = GraftsFile.read(repo).walk(repo)) {
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
            return new Horizon(acc.copy(), heldOut, absent);
        }
    }

    /**
     * Whether to prune now: once {@code minCommits} lie below the horizon, or once any do and the
     * last prune of this database is long enough ago — {@link #PRUNE_SPACING} times as long as that
     * prune took, and at least {@link #MIN_PRUNE_INTERVAL}. A prune costs a delta repack of what is
     * kept (27 s at 100,000 documents, about a second at 1,000), so the spacing keeps that under
     * 5 % of the writer's time while history stays bounded even when group commits are large and
     * few (the size benchmark made 183 commits of ~550 writes each: the 500-commit rule alone never
     * pruned).
     */
    private static boolean due(FileRepository repo, long below, int minCommits) {
        if (below >= minCommits) return true;
        if (below == 0) return false;
        long[] last = LAST_PRUNE.get(key(repo));
        if (last == null) return true;
        long wait = Math.max(MIN_PRUNE_INTERVAL.toMillis(), PRUNE_SPACING * last[1]);
        return System.currentTimeMillis() - last[0] >= wait;
    }

    private static String key(FileRepository repo) {
        return repo.getDirectory().getAbsolutePath();
    }

    private static long commitsBelow(FileRepository repo, ObjectId horizon, int enough) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit h = rw.parseCommit(horizon);
            long n = 0;
            for (RevCommit p : h.getParents()) {
                rw.markStart(rw.parseCommit(p));
            }
            while (rw.next() != null && n < enough) n++;
            return n;
        }
    }

    /**
     * The cut at {@code horizon} of everything the refs reach, or null when the horizon is not a
     * descendant of the previous one (the checkpoints' merge base can move sideways in a criss-cross
     * history): the previous cut's grafts are only replaced safely by a cut that lies above it.
     */
    private static Cut cut(FileRepository repo, ObjectId horizon) throws IOException {
        try (RevWalk rw = GraftsFile.read(repo).walk(repo)) {
            Ref previous = repo.exactRef(StoreLayout.HORIZON_REF);
            if (previous != null && !previous.getObjectId().equals(horizon) && repo.getObjectDatabase().has(previous.getObjectId())
                    && !MergeBases.of(rw, previous.getObjectId(), horizon).contains(previous.getObjectId())) return null;
            List<ObjectId> tips = new ArrayList<>();
            for (Ref r : repo.getRefDatabase().getRefs()) {
                // the previous cut's published boundaries are about to be replaced: they must not hold the history
                if (r.getName().startsWith("refs/quire/") || r.getObjectId() == null) continue;
                if (rw.parseAny(r.getObjectId()) instanceof RevCommit c) tips.add(c.copy());
            }
            rw.reset();
            return Cut.at(rw, horizon, tips);
        }
    }

    /**
     * Publishes the cut's boundaries as refs ({@link StoreLayout#HORIZON_REF}, one under
     * {@link StoreLayout#BORDER_REFS} per border; those of the previous cut go), so that a peer
     * fetching from us can make them boundaries first: a fetch brings a border without its parents.
     */
    private static void publish(FileRepository repo, Cut cut) throws IOException {
        set(repo, StoreLayout.HORIZON_REF, cut.horizon());
        Set<String> borders = new java.util.HashSet<>();
        for (ObjectId b : cut.borders()) borders.add(StoreLayout.BORDER_REFS + b.name());
        for (Ref r : repo.getRefDatabase().getRefsByPrefix(StoreLayout.BORDER_REFS)) {
            if (borders.contains(r.getName())) continue;
            org.eclipse.jgit.lib.RefUpdate u = repo.updateRef(r.getName());
            u.setForceUpdate(true);
            u.disableRefLog();
            u.delete();
        }
        for (ObjectId b : cut.borders()) set(repo, StoreLayout.BORDER_REFS + b.name(), b);
    }

    private static void set(FileRepository repo, String ref, ObjectId to) throws IOException {
        org.eclipse.jgit.lib.RefUpdate u = repo.updateRef(ref);
        u.setNewObjectId(to);
        u.setForceUpdate(true);
        u.disableRefLog();
        u.update();
    }
}
