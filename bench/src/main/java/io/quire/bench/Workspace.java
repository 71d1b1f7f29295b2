package io.quire.bench;

import io.quire.server.store.GitDatabases;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmarks' scratch space: a directory on the same disk as the sources (under
 * {@code bench/target/bench-data}, not /tmp, which may be a RAM disk and would hide fsync costs),
 * and prebuilt base databases shared by the benchmarks of one run. Everything is deleted on close.
 */
final class Workspace implements AutoCloseable {
    /** Documents per transaction when building a base database: large, so a base has few packs. */
    static final int BUILD_TX = 1_000;

    private final Path root;
    private final PrintStream out;
    private final Map<Integer, Path> bases = new HashMap<>();
    private int seq;

    Workspace(Path root, PrintStream out) throws IOException {
        this.root = Files.createDirectories(root);
        this.out = out;
    }

    Path root() {
        return root;
    }

    PrintStream out() {
        return out;
    }

    /** A new empty directory for one node's data. */
    Path fresh(String name) throws IOException {
        return Files.createDirectories(root.resolve(name + "-" + (++seq)));
    }

    /**
     * A copy of a node data directory holding database {@link Corpus#DB} with {@code docs} documents
     * (version 0), built with transactions of {@link #BUILD_TX} documents the first time it is asked for.
     */
    Path copyOfBase(int docs, String name) throws IOException {
        Path base = bases.get(docs);
        if (base == null) {
            base = fresh("base-" + docs);
            long t0 = System.nanoTime();
            try (GitDatabases node = new GitDatabases(base, "base")) {
                Corpus.fill(node.create(Corpus.DB, Corpus.SCHEMA), 0, docs, BUILD_TX, i -> Corpus.doc(i, 0));
            }
            out.printf("  built a %,d-document base in %.1f s (%,d documents per transaction)%n",
                    docs, (System.nanoTime() - t0) / 1e9, BUILD_TX);
            bases.put(docs, base);
        }
        return copy(base, fresh(name));
    }

    static Path copy(Path src, Path dst) throws IOException {
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return dst;
    }

    static void delete(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(root);
    }
}
