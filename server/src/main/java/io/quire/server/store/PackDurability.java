package io.quire.server.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Makes newly written pack files durable. JGit's PackInserter renames its pack and index into place
 * without fsync (checked in 7.8.1), so before a commit is acknowledged we force every new pack file
 * and the pack directory itself; only then is the ref moved (and the ref file is fsync'd by JGit
 * through {@code core.fsyncRefFiles}).
 */
final class PackDurability {
    /** Forces files beside the writer thread (shared by all databases; a force is short and rare enough). */
    private static final ExecutorService HELPER = Executors.newCachedThreadPool(Thread.ofPlatform().name("quire-fsync-", 0).daemon(true).factory());

    private final File packDir;
    private final Set<String> synced = new HashSet<>();
    /**
     * Pack files that {@link PackConsolidation} forced itself before renaming them into place
     * (absolute paths): {@link #syncNew} takes them as synced instead of forcing them again. An entry
     * goes when a writer sees the file or the file is deleted, so the set stays small.
     */
    private static final Set<String> FORCED_ELSEWHERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

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

    /**
     * Forces every pack directory entry not forced before, then the directory. A group commit
     * leaves two (the pack and its index): they are forced at the same time, one on a helper
     * thread, so the file system can make both durable in one journal commit instead of two in a row.
     */
    void syncNew() throws IOException {
        if (!ENABLED) return;
        String[] names = packDir.list();
        if (names == null) return;
        List<Path> fresh = new ArrayList<>();
        for (String n : names) {
            if (synced.contains(n) || n.startsWith("tmp") || n.endsWith(".lock")) continue;
            Path p = packDir.toPath().resolve(n);
            if (FORCED_ELSEWHERE.remove(p.toAbsolutePath().toString())) {
                synced.add(n);
                continue;
            }
            fresh.add(p);
        }
        if (fresh.isEmpty()) {
            synced.retainAll(Set.of(names));
            return;
        }
        List<CompletableFuture<Void>> others = new ArrayList<>(fresh.size() - 1);
        for (Path p : fresh.subList(1, fresh.size())) others.add(CompletableFuture.runAsync(() -> {
            try {
                force(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, HELPER));
        force(fresh.get(0));
        for (CompletableFuture<Void> f : others) {
            try {
                f.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
            }
        }
        for (Path p : fresh) synced.add(p.getFileName().toString());
        syncDirectory(packDir.toPath());
        synced.retainAll(Set.of(names));
    }

    /** Files already forced, and their directory too, by another thread (a consolidation). */
    static void alreadyDurable(File... files) {
        for (File f : files) FORCED_ELSEWHERE.add(f.getAbsoluteFile().toPath().toString());
    }

    /** A file deleted before any writer listed it. */
    static void forget(File f) {
        FORCED_ELSEWHERE.remove(f.getAbsoluteFile().toPath().toString());
    }

    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (NoSuchFileException gone) {
            // removed by a concurrent repack: nothing to make durable
        }
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
