package io.quire.server.store;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.text.ParseException;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.BatchingProgressMonitor;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.storage.pack.PackConfig;

/**
 * Pack hygiene. Group commits write small, fast packs; a repack (always under the writer lock)
 * folds them into one with delta compression. Between repacks, pack count is what makes lookups
 * and inserts slower (measured in docs/benchmarks.md). Routine folding of the recent packs is a
 * {@link PackConsolidation}, in the background, which drops nothing; the reachability repack here
 * (which drops what no ref reaches, so it must run on the writer thread) is for maintenance and
 * pruning, and the writer's fallback when packs pile up beyond {@link #AUTO_REPACK_PACKS} anyway.
 */
public final class Compaction {
    /** Packs tolerated before the writer schedules a repack by itself. */
    public static final int AUTO_REPACK_PACKS = 64;

    private Compaction() {
    }

    /**
     * An inserter for group commits: no "does it exist?" probe per object (a duplicate in a new pack
     * is harmless and the probe grows with the pack count), and fast compression (the repack
     * recompresses everything with deltas anyway).
     */
    static PackInserter inserter(FileRepository repo) {
        PackInserter ins = repo.getObjectDatabase().newPackInserter();
        ins.checkExisting(false);
        ins.setCompressionLevel(1);
        return ins;
    }

    /** Repack everything reachable into one pack and drop the rest at once (prune expiry: now). */
    public static void repack(FileRepository repo) throws IOException {
        repack(repo, false);
    }

    /**
     * Repack everything reachable into one pack and drop the rest at once (prune expiry: now).
     * {@code deltas}: recompute deltas (small repository; measured 27 s for 100,000 documents, so
     * only when pruning); otherwise objects are copied as they are (measured 5-7 s), which is what
     * keeps lookups fast between prunes.
     */
    public static void repack(FileRepository repo, boolean deltas) throws IOException {
        repack(repo, deltas, Long.MAX_VALUE);
    }

    /**
     * As {@link #repack(FileRepository, boolean)}, abandoned at {@code deadlineNanos}
     * ({@link System#nanoTime()}): JGit checks for cancellation between steps, and either outcome is
     * safe — the new pack is installed before any old one is deleted, and an unfinished new pack is
     * never installed. Throws {@link org.eclipse.jgit.errors.CancelledException} when abandoned.
     */
    public static void repack(FileRepository repo, boolean deltas, long deadlineNanos) throws IOException {
        // Stale bitmaps crash JGit's GC once the boundary moves, and a stale commit-graph fails
        // stock fsck (STACK.md): remove them first; we write neither.
        File packDir = new File(repo.getObjectDatabase().getDirectory(), "pack");
        File[] stale = packDir.listFiles((d, n) -> n.endsWith(".bitmap"));
        if (stale != null) for (File f : stale) f.delete();
        new File(repo.getObjectDatabase().getDirectory(), "info/commit-graph").delete();
        // Packs a consolidation retired (index kept for a grace period): JGit's prune would delete
        // each index as an orphan with a WARN. The caller holds the write side of the objects lock,
        // so no consolidation runs, and this repack replaces packs at once anyway.
        PackConsolidation.deleteRetired(packDir, System.currentTimeMillis(), 0);
        // Geometric compaction: when one pack is much larger than all the others together (the
        // usual case: a repacked base plus recent group-commit packs), mark it kept so the repack
        // rewrites only the small ones. Without this each compaction copied the whole repository
        // (7-18 s of stalled writes at 100,000 messages, measured). Deltas and pruning repack all.
        File keep = deltas ? null : keepLargest(packDir);
        try {
            gc(repo, deltas, deadlineNanos);
        } finally {
            if (keep != null) keep.delete();
        }
    }

    /** Marks the largest pack kept when it is at least four times the others together; returns the mark. */
    private static File keepLargest(File packDir) throws IOException {
        File[] packs = packDir.listFiles((d, n) -> n.startsWith("pack-") && n.endsWith(".pack"));
        if (packs == null || packs.length < 2) return null;
        File largest = null;
        long total = 0;
        for (File f : packs) {
            total += f.length();
            if (largest == null || f.length() > largest.length()) largest = f;
        }
        if (largest.length() < 4 * (total - largest.length())) return null;
        File keep = new File(packDir, largest.getName().replace(".pack", ".keep"));
        if (!keep.createNewFile()) return null; // kept by someone else already: leave it alone
        return keep;
    }

    private static void gc(FileRepository repo, boolean deltas, long deadlineNanos) throws IOException {
        // JGit "loosens" every object of a deleted pack that the new pack lacks (one loose file each,
        // fsynced) unless gc.pruneExpire is literally "now", and setExpire(now) does not count: a
        // prune wrote the whole dropped history out as loose objects, which the same run could not
        // delete (too new). That held the writer for over a minute in the size benchmark and is why
        // repacks left more loose objects than they found (docs/benchmarks.md). In memory only.
        repo.getConfig().setString(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_PRUNEEXPIRE, "now");
        GC gc = new GC(repo);
        gc.setPackKeptObjects(false);
        PackConfig pc = new PackConfig(repo);
        pc.setReuseObjects(!deltas);
        pc.setReuseDeltas(!deltas);
        pc.setBuildBitmaps(false);
        gc.setPackConfig(pc);
        gc.setExpire(Instant.now());
        gc.setPackExpire(Instant.now());
        gc.setProgressMonitor(new Deadline(deadlineNanos));
        // repack and prune on this thread, not GC.gc(): that runs on JGit's shared executor, and a
        // timed-out wait used to return (and release the writer lock) while packs were still being
        // deleted in the background.
        try {
            gc.repack();
            gc.prune(Set.of());
        } catch (ParseException e) {
            throw new IOException("repack failed: " + e.getMessage(), e);
        }
    }

    /** A progress monitor that asks JGit to stop at a deadline. */
    private static final class Deadline extends BatchingProgressMonitor {
        private final long deadlineNanos;

        Deadline(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public boolean isCancelled() {
            return System.nanoTime() - deadlineNanos > 0;
        }

        @Override
        protected void onUpdate(String taskName, int workCurr, Duration duration) {
        }

        @Override
        protected void onEndTask(String taskName, int workCurr, Duration duration) {
        }

        @Override
        protected void onUpdate(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        }

        @Override
        protected void onEndTask(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        }
    }
}
