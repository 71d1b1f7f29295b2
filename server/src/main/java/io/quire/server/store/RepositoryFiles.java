package io.quire.server.store;

import java.io.File;
import java.io.IOException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Creates and opens the bare repositories that hold databases, with the settings Quire relies on. */
public final class RepositoryFiles {
    private RepositoryFiles() {
    }

    private static volatile boolean cachesTuned;

    /**
     * Raises JGit's pack window cache from 10 MiB to 64 MiB, once per JVM: reads measured 21-28 %
     * faster with a larger cache (docs/benchmarks.md), and 64 MiB keeps a node well inside its
     * heap budget.
     */
    static void tuneCaches() {
        if (cachesTuned) return;
        synchronized (RepositoryFiles.class) {
            if (cachesTuned) return;
            org.eclipse.jgit.storage.file.WindowCacheConfig c = new org.eclipse.jgit.storage.file.WindowCacheConfig();
            c.setPackedGitLimit(64L << 20);
            c.install();
            cachesTuned = true;
        }
    }

    public static FileRepository open(File gitDir) throws IOException {
        removeStaleLocks(gitDir);
        FileRepository repo = (FileRepository) new FileRepositoryBuilder().setGitDir(gitDir).setBare().setMustExist(true).build();
        applyConfig(repo);
        return repo;
    }

    public static FileRepository create(File gitDir) throws IOException {
        FileRepository repo = (FileRepository) new FileRepositoryBuilder().setGitDir(gitDir).setBare().build();
        repo.create(true);
        RefUpdate head = repo.updateRef("HEAD");
        head.disableRefLog();
        head.link(StoreLayout.MAIN_REF); // a bare repo made by JGit must point HEAD at main (STACK.md)
        applyConfig(repo);
        return repo;
    }

    private static void applyConfig(Repository repo) throws IOException {
        StoredConfig c = repo.getConfig();
        boolean changed = false;
        changed |= set(c, ConfigConstants.CONFIG_CORE_SECTION, "fsyncRefFiles", Boolean.toString(PackDurability.ENABLED));
        changed |= set(c, ConfigConstants.CONFIG_CORE_SECTION, "fsyncObjectFiles", Boolean.toString(PackDurability.ENABLED));
        // Reflogs keep pruned history alive and JGit's gc never expires them (STACK.md).
        changed |= set(c, ConfigConstants.CONFIG_CORE_SECTION, ConfigConstants.CONFIG_KEY_LOGALLREFUPDATES, "false");
        changed |= set(c, ConfigConstants.CONFIG_GC_SECTION, ConfigConstants.CONFIG_KEY_PRUNEPACKEXPIRE, "now");
        // No automatic gc, ever: JGit would start one in the background after fetches and pushes,
        // and a concurrent repack with prune-now can delete the pack of a commit not yet on a ref.
        // Compaction runs under the writer lock instead (see Compaction).
        changed |= set(c, ConfigConstants.CONFIG_GC_SECTION, ConfigConstants.CONFIG_KEY_AUTO, "0");
        changed |= set(c, ConfigConstants.CONFIG_GC_SECTION, ConfigConstants.CONFIG_KEY_AUTOPACKLIMIT, "0");
        changed |= set(c, ConfigConstants.CONFIG_GC_SECTION, ConfigConstants.CONFIG_KEY_AUTODETACH, "false");
        changed |= set(c, ConfigConstants.CONFIG_RECEIVE_SECTION, "fsckObjects", "true");
        changed |= set(c, "pack", "writeBitmaps", "false");
        if (changed) c.save();
    }

    /**
     * Deletes the lock files a killed process left behind (JGit writes {@code refs/heads/main.lock},
     * syncs it and renames it over the ref; a SIGKILL in between leaves the lock, and every later
     * update of that ref failed with LOCK_FAILURE: the database took no more writes, found by
     * {@code CrashSafetyIT}). Called before this process uses the repository, and a node's data
     * directory belongs to that node alone, so any lock present now is stale. The update it guarded
     * never completed, so it was never acknowledged: nothing acknowledged is lost.
     */
    static void removeStaleLocks(File gitDir) throws IOException {
        java.nio.file.Path root = gitDir.toPath();
        java.util.List<java.nio.file.Path> locks = new java.util.ArrayList<>();
        for (String f : new String[]{"packed-refs.lock", "shallow.lock", "config.lock", "HEAD.lock"}) {
            java.nio.file.Path p = root.resolve(f);
            if (java.nio.file.Files.exists(p)) locks.add(p);
        }
        java.nio.file.Path refs = root.resolve("refs");
        if (java.nio.file.Files.isDirectory(refs)) {
            try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(refs)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".lock") && java.nio.file.Files.isRegularFile(p)).forEach(locks::add);
            }
        }
        for (java.nio.file.Path p : locks) {
            java.nio.file.Files.deleteIfExists(p);
            org.slf4j.LoggerFactory.getLogger(RepositoryFiles.class).warn("event=stale_lock_removed repo={} file={}", gitDir, root.relativize(p));
        }
    }

    private static boolean set(StoredConfig c, String section, String name, String value) {
        if (value.equals(c.getString(section, null, name))) return false;
        c.setString(section, null, name, value);
        return true;
    }
}
