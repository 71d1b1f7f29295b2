package io.quire.server.store;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.storage.pack.PackConfig;

/**
 * Pack hygiene. Group commits write small, fast packs; a repack (always under the writer lock)
 * folds them into one with delta compression. Between repacks, pack count is what makes lookups
 * and inserts slower (measured in docs/benchmarks.md), so the writer asks for one when packs pile up.
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
        // Stale bitmaps crash JGit's GC once the boundary moves, and a stale commit-graph fails
        // stock fsck (STACK.md): remove them first; we write neither.
        File packDir = new File(repo.getObjectDatabase().getDirectory(), "pack");
        File[] stale = packDir.listFiles((d, n) -> n.endsWith(".bitmap"));
        if (stale != null) for (File f : stale) f.delete();
        new File(repo.getObjectDatabase().getDirectory(), "info/commit-graph").delete();
        // Geometric compaction: when one pack is much larger than all the others together (the
        // usual case: a repacked base plus recent group-commit packs), mark it kept so the repack
        // rewrites only the small ones. Without this each compaction copied the whole repository
        // (7-18 s of stalled writes at 100,000 messages, measured). Deltas and pruning repack all.
        File keep = deltas ? null : keepLargest(packDir);
        try {
            gc(repo, deltas);
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

    private static void gc(FileRepository repo, boolean deltas) throws IOException {
        GC gc = new GC(repo);
        gc.setPackKeptObjects(false);
        PackConfig pc = new PackConfig(repo);
        pc.setReuseObjects(!deltas);
        pc.setReuseDeltas(!deltas);
        pc.setBuildBitmaps(false);
        gc.setPackConfig(pc);
        gc.setExpire(Instant.now());
        gc.setPackExpire(Instant.now());
        gc.setProgressMonitor(NullProgressMonitor.INSTANCE);
        try {
            gc.gc().get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IOException("repack failed: " + e.getMessage(), e);
        }
    }
}
