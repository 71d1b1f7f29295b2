package io.quire.bench.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch space for the clusters of one run, on the disk the sources live on (fsync costs are part
 * of replication lag, and /tmp may be a RAM disk). Everything is deleted on close.
 */
final class Scratch implements AutoCloseable {
    /** {@code -Dquire.bench.repl.keep=true} keeps every node's data for inspection (e.g. with git fsck). */
    static final boolean KEEP = Boolean.getBoolean("quire.bench.repl.keep");

    private final Path root;
    private int seq;

    Scratch(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    Path root() {
        return root;
    }

    /** A new empty directory. */
    Path fresh(String name) throws IOException {
        return Files.createDirectories(root.resolve(name + "-" + (++seq)));
    }

    static void delete(Path p) {
        if (KEEP || !Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(root);
    }
}
