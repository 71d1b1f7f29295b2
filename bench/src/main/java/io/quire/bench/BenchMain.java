package io.quire.bench;

import io.quire.bench.replication.ReplicationBench;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the store benchmarks: {@code java -jar quire-bench.jar NAME|all}. Prints progress and detail
 * tables while running and a summary with the targets at the end (see docs/benchmarks.md).
 * Scratch data goes under {@code bench/target/bench-data} (override with {@code -Dquire.bench.dir}).
 */
public final class BenchMain {
    static final List<Benchmark> ALL = List.of(new WritesBenchmark(), new ReadsBenchmark(), new MergeBenchmark(),
            new MemoryBenchmark(), new FanoutBenchmark());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length > 0 && ReplicationBench.handles(args[0])) {
            ReplicationBench.main(args);
            return;
        }
        List<Benchmark> chosen = choose(args.length == 0 ? "" : args[0]);
        if (chosen.isEmpty()) {
            out.println("usage: ./quire bench all|NAME");
            for (Benchmark b : ALL) out.printf("  %-8s %s%n", b.name(), b.about());
            ReplicationBench.usage(out);
            System.exit(args.length == 0 ? 0 : 2);
        }
        Path root = dataRoot();
        List<Figure> figures = new ArrayList<>();
        try (Workspace ws = new Workspace(root, out)) {
            FileStore fs = Files.getFileStore(ws.root());
            out.printf("quire bench: %d processors, max heap %s, Java %s, data in %s (%s, %s)%n",
                    Runtime.getRuntime().availableProcessors(), Table.mib(Runtime.getRuntime().maxMemory()),
                    Runtime.version(), ws.root(), fs.type(), fs.name());
            for (Benchmark b : chosen) {
                out.printf("%n== %s: %s%n", b.name(), b.about());
                long t0 = System.nanoTime();
                figures.addAll(b.run(ws));
                out.printf("  (%s took %.0f s)%n", b.name(), (System.nanoTime() - t0) / 1e9);
            }
        }
        out.println();
        out.println("== summary");
        Table t = new Table("benchmark", "measure", "value", "target", "verdict");
        for (Figure f : figures) t.row(f.benchmark(), f.measure(), f.value(), f.target(), f.verdict() == Figure.Verdict.INFO ? "" : f.verdict().name().toLowerCase());
        t.print(out);
        System.exit(0); // store threads (committers, notifiers) are daemons, but JGit may keep pools alive
    }

    private static List<Benchmark> choose(String name) {
        if (name.equals("all")) return ALL;
        return ALL.stream().filter(b -> b.name().equals(name)).toList();
    }

    /** {@code bench/target/bench-data} next to the jar, so runs use the disk the project lives on. */
    private static Path dataRoot() throws URISyntaxException {
        String configured = System.getProperty("quire.bench.dir");
        if (configured != null) return Path.of(configured);
        Path code = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return code.getParent().resolve("bench-data");
    }
}
