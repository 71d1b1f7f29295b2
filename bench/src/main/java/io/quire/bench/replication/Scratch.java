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

    /** A new empty directory; never one left behind by an interrupted or kept run. */
    Path fresh(String name) throws IOException {
        Path p;
        do {
            p = root.resolve(name + "-" + (++seq));
        } while (Files.exists(p));
        return Files.createDirectories(p);
    }

    /**
     * Deletes a node directory. A node that missed its shutdown deadline (a repack can take longer)
     * may still be writing there: retry, then leave it with a warning rather than lose the run.
     */
    static void delete(Path p) {
        if (KEEP) return;
        for (int attempt = 1; Files.exists(p); attempt++) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 10) {
                    System.err.println("warning: could not delete " + p + ": " + e);
                    return;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        delete(root);
    }
}
