package io.quire.bench.replication;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the replication benchmarks ({@code repl-lag}, {@code repl-partition}, {@code repl-size}, or
 * {@code repl} for all three) on real nodes in this JVM, and prints a summary with the issue's
 * targets. Called by {@code BenchMain}; scratch data goes where the store benchmarks put theirs.
 */
public final class ReplicationBench {
    private ReplicationBench() {
    }

    private static List<ReplicationBenchmark> all(ServerLog log) {
        return List.of(new LagBenchmark(log), new PartitionBenchmark(log), new SizeBenchmark(log));
    }

    /** Whether {@code name} is one of these benchmarks (or {@code repl}). */
    public static boolean handles(String name) {
        return name.equals("repl") || all(null).stream().anyMatch(b -> b.name().equals(name));
    }

    /** One usage line per benchmark, in the store benchmarks' format. */
    public static void usage(PrintStream out) {
        for (ReplicationBenchmark b : all(null)) out.printf("  %-8s %s%n", b.name(), b.about());
        out.printf("  %-8s %s%n", "repl", "all three replication benchmarks");
    }

    /** Runs the named benchmark(s), then exits the JVM (node threads would keep it alive). */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        String name = args[0];
        ServerLog log = ServerLog.attach();
        List<ReplicationBenchmark> chosen = all(log).stream().filter(b -> name.equals("repl") || b.name().equals(name)).toList();
        List<Result> results = new ArrayList<>();
        try (Scratch scratch = new Scratch(dataRoot())) {
            FileStore fs = Files.getFileStore(scratch.root());
            out.printf("quire bench: %d processors, max heap %s MiB, Java %s, data in %s (%s, %s)%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Runtime.version(), scratch.root(),
                    fs.type(), fs.name());
            for (ReplicationBenchmark b : chosen) {
                out.printf("%n== %s: %s%n", b.name(), b.about());
                long t0 = System.nanoTime();
                results.addAll(b.run(scratch, out));
                out.printf("  (%s took %.0f s)%n", b.name(), (System.nanoTime() - t0) / 1e9);
            }
        }
        out.println();
        out.println("== summary");
        MdTable t = new MdTable("benchmark", "measure", "value", "target", "verdict");
        for (Result r : results) t.row(r.benchmark(), r.measure(), r.value(), r.target(), r.verdict());
        t.print(out);
        System.exit(0);
    }

    /**
     * {@code -Dquire.bench.dir}, else {@code repl-bench-data} next to the jar: not inside the store
     * benchmarks' {@code bench-data}, which they delete whole when they finish.
     */
    private static Path dataRoot() throws URISyntaxException {
        String configured = System.getProperty("quire.bench.dir");
        if (configured != null) return Path.of(configured);
        Path code = Path.of(ReplicationBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return code.getParent().resolve("repl-bench-data");
    }
}
