package io.quire.server.store;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.internal.storage.pack.PackWriter;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.pack.PackConfig;

/**
 * Routine compaction that drops nothing, so it can run beside the writer (off the writer thread).
 *
 * <p>Every replicated write adds packs (a group commit, a received push, a merge), and the pack
 * count is what slows lookups. {@link Compaction#repack} folds them by reachability, which is only
 * safe on the writer thread (an object written by a commit not yet on a ref is unreachable, and the
 * repack would delete it): the writer stalled for a repack about once a second under replication
 * (p50 136 ms, max 440 ms, docs/benchmarks.md). A consolidation instead copies <em>every</em>
 * object of the packs it selected, reachable or not, into one new pack, and deletes those packs
 * only once the new pack is durable and registered. The set of objects on disk never shrinks, so
 * nothing anyone needs can go: not what a ref reaches, not what an in-flight commit or merge wrote,
 * not what a concurrent fetch or push brought. Dropping unreachable objects is left to the repack
 * of maintenance and pruning (writer thread, write side of the objects lock).
 *
 * <p>Why it is safe beside everything else (each point relied on below):
 * <ul>
 *   <li><b>Only packs that existed when it started.</b> The selection is a snapshot of JGit's pack
 *       list; a pack enters that list only once its {@code .pack} and {@code .idx} are both in place
 *       (PackInserter and the pack parser rename the index last, and a directory scan skips a pack
 *       without its index), so a selected pack is complete. Packs written meanwhile (group commits,
 *       merges, received pushes) are not touched. Packs with a {@code .keep} mark are never selected
 *       (a receive in progress keeps its pack until its refs are updated).</li>
 *   <li><b>Install before delete.</b> The new pack and its index are written to temporary files,
 *       forced, renamed into place (pack first, index last), and the pack directory is forced; the
 *       new pack is registered with JGit ({@link ObjectDirectory#openPack}) and every object id of
 *       the selection is checked present in it. Only then are the old packs taken out: each {@code .pack}
 *       is renamed out of JGit's sight at once, and deleted with its index two seconds later
 *       ({@link #retire}). A crash at any
 *       point leaves either the old packs or the new one (or both: duplicate objects across packs
 *       are harmless) durable on disk.</li>
 *   <li><b>Readers holding a removed pack.</b> JGit's pack list is a cached snapshot. A reader that
 *       already has an old pack open keeps reading it (the open file outlives the unlink, and pack
 *       files are never modified); one that tries to open it gets FileNotFoundException, drops the
 *       pack from the list and, having found the object nowhere else, re-scans the directory (its
 *       snapshot predates the deletion, so the directory reads as modified) and finds the new pack.
 *       A pack writer (upload-pack, push) whose chosen copy vanished re-selects another one before
 *       writing it ({@code StoredObjectRepresentationNotAvailableException}: JGit's handling of a
 *       concurrent repack). All of that only needs each object to be in some pack on disk, which
 *       install-before-delete guarantees.</li>
 *   <li><b>The objects lock.</b> The caller holds the <em>read</em> side of
 *       {@link GitDatabase#objectsLock()}, like a Git transport: it deletes no object anyone could
 *       need, so transports may run beside it, while the write side (a reachability repack or a
 *       prune, which delete objects and rewrite the shallow file) is excluded: the two never
 *       interleave their pack deletions, and the repack's temporary {@code .keep} on a large pack
 *       cannot appear mid-consolidation. At most one consolidation runs per database.</li>
 *   <li><b>A new name equal to an existing pack</b> (the name is derived from the object set) means
 *       the same objects are already in that pack: it is kept, never deleted, and the temporary
 *       file is dropped.</li>
 * </ul>
 *
 * <p>Selection is geometric, as in {@code git repack --geometric=2}: from the largest pack down,
 * a pack at least twice the size of all smaller ones together stays; the first that is not, and
 * every smaller pack, are folded into one. The large base pack of the last repack and the larger
 * earlier consolidations are therefore not copied again, and each run copies only recent data.
 */
final class PackConsolidation {
    /** More packs than this: the writer asks for a consolidation (in the background). */
    static final int TRIGGER_PACKS = 16;
    /** Fewer packs than this to fold: not worth a run. */
    static final int MIN_FOLD = 4;
    private static final String TMP_PREFIX = "tmp_quire_fold_";
    /** A folded pack's {@code .pack}, renamed out of JGit's sight: {@code tmp_quire_retired_<epoch ms>_pack-<id>}. */
    private static final String RETIRED_PREFIX = "tmp_quire_retired_";
    /** How long a folded pack's index stays readable after the pack left JGit's list. */
    static final long RETIRE_GRACE_MILLIS = 2_000;

    private PackConsolidation() {
    }

    /** What a run did: packs folded into one (0: nothing to do), objects copied, the new pack. */
    record Outcome(int folded, long objects, long bytes, String pack) {
        static final Outcome NOTHING = new Outcome(0, 0, 0, null);
    }

    /** Whether the repository has packs enough to be worth a run (cheap: JGit's cached pack list). */
    static boolean due(FileRepository repo) {
        return repo.getObjectDatabase().getPacks().size() > TRIGGER_PACKS;
    }

    /**
     * Folds the geometric tail of the current packs into one pack, dropping nothing. The caller holds
     * the read side of the database's objects lock and ensures one run at a time per repository.
     */
    static Outcome run(FileRepository repo) throws IOException {
        return run(repo, MIN_FOLD);
    }

    /** As {@link #run(FileRepository)}, folding as soon as {@code minFold} packs qualify. */
    static Outcome run(FileRepository repo, int minFold) throws IOException {
        ObjectDirectory odb = repo.getObjectDatabase();
        File packDir = odb.getPackDirectory();
        deleteStaleTemporaries(packDir);
        deleteRetired(packDir, System.currentTimeMillis(), RETIRE_GRACE_MILLIS);
        List<Pack> selected = select(odb.getPacks(), Math.max(2, minFold));
        if (selected.isEmpty()) return Outcome.NOTHING;

        // Every object of every selected pack, with its type (PackWriter needs it; the index has none).
        Map<ObjectId, Integer> objects = new LinkedHashMap<>();
        PackConfig pc = new PackConfig(repo);
        pc.setReuseObjects(true);
        pc.setReuseDeltas(true);
        pc.setDeltaCompress(false); // copy as stored: the delta search is the repack's job when pruning
        pc.setBuildBitmaps(false);
        // Not named *.pack / *.idx: a directory scan must never take a temporary file for a pack.
        File tmpPack = File.createTempFile(TMP_PREFIX, ".pack_tmp", packDir);
        File tmpIdx = new File(packDir, tmpPack.getName().replace(".pack_tmp", ".idx_tmp"));
        try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader);
             PackWriter pw = new PackWriter(pc, reader)) {
            for (Pack p : selected) {
                for (PackIndex.MutableEntry e : p) {
                    ObjectId id = e.toObjectId();
                    if (!objects.containsKey(id)) objects.put(id, reader.open(id).getType());
                }
            }
            List<RevObject> list = new ArrayList<>(objects.size());
            for (Map.Entry<ObjectId, Integer> e : objects.entrySet()) list.add(rw.lookupAny(e.getKey(), e.getValue()));
            pw.setUseBitmaps(false);
            pw.setUseCachedPacks(false);
            pw.setThin(false);
            pw.setDeltaBaseAsOffset(true);
            pw.setReuseValidatingObjects(true); // a damaged stored copy is caught here, not copied on
            pw.preparePack(list.iterator());
            if (pw.getObjectCount() != objects.size())
                throw new IOException("consolidation would write " + pw.getObjectCount() + " objects of " + objects.size());
            try (OutputStream out = new BufferedOutputStream(new FileOutputStream(tmpPack), 64 * 1024)) {
                pw.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, out);
            }
            try (OutputStream out = new BufferedOutputStream(new FileOutputStream(tmpIdx), 64 * 1024)) {
                pw.writeIndex(out);
            }
            String name = "pack-" + pw.computeName().name();
            File pack = new File(packDir, name + ".pack");
            File idx = new File(packDir, name + ".idx");
            long bytes = tmpPack.length();
            if (pack.exists()) {
                // Same name, same object set: that pack already holds everything; keep it as it is.
                tmpPack.delete();
                tmpIdx.delete();
            } else {
                force(tmpPack);
                force(tmpIdx);
                PackDurability.alreadyDurable(pack, idx); // the writer need not force them again
                Files.move(tmpPack.toPath(), pack.toPath(), StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmpIdx.toPath(), idx.toPath(), StandardCopyOption.ATOMIC_MOVE);
                if (PackDurability.ENABLED) PackDurability.syncDirectory(packDir.toPath());
            }
            Pack installed = odb.openPack(pack);
            for (ObjectId id : objects.keySet())
                if (!installed.hasObject(id)) throw new IOException("consolidated pack " + name + " lacks " + id.name() + "; nothing deleted");
            long now = System.currentTimeMillis();
            for (Pack p : selected) {
                if (p.getPackFile().getName().equals(pack.getName())) continue; // that is the new pack itself
                retire(p.getPackFile(), now);
            }
            odb.getPacks(); // re-scan now: the retired packs leave JGit's list while their indexes are still there
            return new Outcome(selected.size(), objects.size(), bytes, name);
        } finally {
            tmpPack.delete();
            tmpIdx.delete();
        }
    }

    /**
     * The geometric tail of {@code packs} (packs with a {@code .keep} mark excluded): sorted by size,
     * the largest packs stay while each is at least twice all smaller ones together; the rest is
     * returned when it is at least {@code min} packs, otherwise nothing.
     */
    static List<Pack> select(java.util.Collection<Pack> packs, int min) {
        List<Pack> candidates = new ArrayList<>();
        for (Pack p : packs) if (!p.shouldBeKept() && p.getPackFile().isFile()) candidates.add(p);
        candidates.sort(Comparator.comparingLong((Pack p) -> p.getPackFile().length()).reversed());
        long rest = 0;
        for (Pack p : candidates) rest += p.getPackFile().length();
        int split = 0;
        for (; split < candidates.size(); split++) {
            long size = candidates.get(split).getPackFile().length();
            rest -= size;
            if (size < 2 * rest) break;
        }
        List<Pack> tail = candidates.subList(split, candidates.size());
        return tail.size() >= min ? List.copyOf(tail) : List.of();
    }

    /**
     * Takes a pack whose objects are all in an installed pack out of use in two steps. Now: its
     * {@code .pack} is renamed to a name JGit does not read as a pack, so the next directory scan
     * drops it from the pack list. Its index stays for {@link #RETIRE_GRACE_MILLIS}: a reader still
     * iterating an older pack list may ask that pack whether it has an object, and JGit answers that
     * from the index, reloading it if the pack was closed meanwhile (a missing index is logged as a
     * WARN with a stack trace each time: hundreds per second at 100 replicated writes/s, before this
     * step). Opening the object then finds the pack file gone, which JGit handles quietly by dropping
     * the pack and re-scanning; the new pack has the object. A reader that has the pack open keeps
     * reading it (the renamed file is the same file). Later ({@link #deleteRetired}): both go.
     */
    private static void retire(File pack, long now) throws IOException {
        File dir = pack.getParentFile();
        String base = pack.getName().substring(0, pack.getName().length() - ".pack".length());
        Files.move(pack.toPath(), new File(dir, RETIRED_PREFIX + now + "_" + base).toPath(), StandardCopyOption.ATOMIC_MOVE);
        PackDurability.forget(pack);
    }

    /**
     * Deletes the packs retired at least {@code graceMillis} ago, with their index and companions
     * (unless a pack of the same name was installed again since: same object set). Also what a crash
     * left retired.
     */
    static void deleteRetired(File packDir, long now, long graceMillis) {
        File[] retired = packDir.listFiles((d, n) -> n.startsWith(RETIRED_PREFIX));
        if (retired == null) return;
        for (File f : retired) {
            String rest = f.getName().substring(RETIRED_PREFIX.length());
            int sep = rest.indexOf('_');
            long at;
            try {
                at = Long.parseLong(rest.substring(0, Math.max(0, sep)));
            } catch (NumberFormatException e) {
                at = 0;
            }
            if (now - at < graceMillis && now >= at) continue;
            String base = rest.substring(sep + 1);
            f.delete();
            if (new File(packDir, base + ".pack").exists()) continue;
            for (String ext : new String[]{".idx", ".rev", ".bitmap", ".mtimes", ".obj-size"}) {
                File c = new File(packDir, base + ext);
                c.delete();
                PackDurability.forget(c);
            }
        }
    }

    /** Temporary files of a run that a crash interrupted (one run at a time per repository, so never a live one). */
    private static void deleteStaleTemporaries(File packDir) {
        File[] stale = packDir.listFiles((d, n) -> n.startsWith(TMP_PREFIX));
        if (stale != null) for (File f : stale) f.delete();
    }

    private static void force(File f) throws IOException {
        if (!PackDurability.ENABLED) return;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f.toPath(), java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
