package io.quire.server.store;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes newly written pack files durable. JGit's PackInserter renames its pack and index into place
 * without fsync (checked in 7.8.1), so before a commit is acknowledged we force every new pack file
 * and the pack directory itself; only then is the ref moved (and the ref file is fsync'd by JGit
 * through {@code core.fsyncRefFiles}).
 */
final class PackDurability {
    private final File packDir;
    private final Set<String> synced = new HashSet<>();

    PackDurability(File objectsDir) {
        this.packDir = new File(objectsDir, "pack");
        String[] existing = packDir.list();
        if (existing != null) synced.addAll(Set.of(existing));
    }

    /**
     * Off only for simulations that never crash the OS ({@code -Dquire.store.fsync=false}): a
     * simulated crash closes the JVM's files, and the page cache survives it.
     */
    static final boolean ENABLED = !"false".equals(System.getProperty("quire.store.fsync"));

    /** Forces every pack directory entry not forced before, then the directory. */
    void syncNew() throws IOException {
        if (!ENABLED) return;
        String[] names = packDir.list();
        if (names == null) return;
        boolean any = false;
        for (String n : names) {
            if (synced.contains(n) || n.startsWith("tmp") || n.endsWith(".lock")) continue;
            Path p = packDir.toPath().resolve(n);
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                ch.force(true);
            } catch (java.nio.file.NoSuchFileException gone) {
                continue; // removed by a concurrent gc: nothing to make durable
            }
            synced.add(n);
            any = true;
        }
        if (any) syncDirectory(packDir.toPath());
        synced.retainAll(Set.of(names));
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
