package io.quire.server.prune;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A repository's shallow boundaries (the {@code shallow} file): commits whose parents may be
 * absent. Every walk — repack, merge base, connectivity checks of fetches and pushes — stops at
 * them, so the one rule is: <b>a boundary that a ref can still reach is never removed</b>, because
 * its parents may be gone. Removing one is what broke replicas in the benchmark: a fetch from a
 * pruned peer had added the peer's horizon (parents absent), and the next prune rewrote the file
 * with its own horizon alone, so the adopted commit pointed at a missing parent.
 *
 * <p>Boundaries are only ever added, by a prune (its horizon and the checkpoints of long-absent
 * peers) or by a fetch from a pruned peer ({@link #adopt}), and dropped only once the commit itself
 * is gone (a repack found it unreachable) or it was adopted for a fetch that never brought it.
 * Read-modify-write of the file is serialized on the repository's object directory, which every
 * user of one repository shares.
 */
public final class ShallowSet {
    /** How long an adopted boundary may wait for the fetch that brings it before it counts as stale. */
    static final long ADOPTION_GRACE_MILLIS = 10 * 60_000L;
    /** Adopted boundaries not yet present, by object directory: when they were adopted. */
    private static final Map<String, Map<ObjectId, Long>> PENDING = new ConcurrentHashMap<>();

    private ShallowSet() {
    }

    public static Set<ObjectId> read(FileRepository repo) throws IOException {
        synchronized (repo.getObjectDatabase()) {
            return Set.copyOf(repo.getObjectDatabase().getShallowCommits());
        }
    }

    /** Adds boundaries (keeps every existing one). */
    public static void add(FileRepository repo, Collection<? extends ObjectId> commits) throws IOException {
        ObjectDirectory od = repo.getObjectDatabase();
        synchronized (od) {
            Set<ObjectId> s = new HashSet<>(od.getShallowCommits());
            boolean changed = false;
            for (ObjectId c : commits) changed |= s.add(c.copy());
            if (changed) od.setShallowCommits(s);
        }
    }

    /**
     * Adds a peer's horizon before fetching from it, when this repository lacks that commit (the
     * fetch may then bring it without its parents). Remembered as pending until it arrives.
     */
    public static void adopt(FileRepository repo, ObjectId horizon) throws IOException {
        ObjectDirectory od = repo.getObjectDatabase();
        synchronized (od) {
            if (od.has(horizon)) return;
            PENDING.computeIfAbsent(key(repo), k -> new ConcurrentHashMap<>()).put(horizon.copy(), System.currentTimeMillis());
            add(repo, Set.of(horizon));
        }
    }

    /** The boundaries whose commit is in the repository now. */
    static Set<ObjectId> present(FileRepository repo) throws IOException {
        Set<ObjectId> out = new HashSet<>();
        for (ObjectId s : read(repo)) if (repo.getObjectDatabase().has(s)) out.add(s);
        return out;
    }

    /**
     * After a repack: drops the boundaries it deleted (present before, absent now: no ref reaches
     * them) and the adopted ones whose fetch never brought them within the grace period. Runs under
     * the maintenance lock, so no fetch or push of this node's server side is in flight.
     */
    static void dropGone(FileRepository repo, Set<ObjectId> presentBefore, long now) throws IOException {
        ObjectDirectory od = repo.getObjectDatabase();
        Map<ObjectId, Long> pending = PENDING.computeIfAbsent(key(repo), k -> new ConcurrentHashMap<>());
        synchronized (od) {
            Set<ObjectId> s = new HashSet<>(od.getShallowCommits());
            boolean changed = false;
            for (ObjectId c : Set.copyOf(s)) {
                if (od.has(c)) {
                    pending.remove(c);
                    continue;
                }
                Long adopted = pending.get(c);
                boolean stillExpected = !presentBefore.contains(c) && adopted != null && now - adopted < ADOPTION_GRACE_MILLIS;
                if (!stillExpected) {
                    s.remove(c);
                    pending.remove(c);
                    changed = true;
                }
            }
            if (changed) od.setShallowCommits(s);
        }
    }

    private static String key(FileRepository repo) {
        return repo.getObjectDatabase().getDirectory().getAbsolutePath();
    }
}
