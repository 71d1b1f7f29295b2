package io.quire.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap used with a 100,000-document database open, measured in a separate JVM limited to
 * {@code -Xmx512m} ({@link MemoryProbe}), so that finishing at all shows the database fits, and so
 * that nothing this JVM built (the base database, caches) is counted.
 */
final class MemoryBenchmark implements Benchmark {
    static final int DOCS = 100_000;
    static final String HEAP = "-Xmx512m";
    static final long TARGET = 512L * 1024 * 1024;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String about() {
        return "heap after full GC with a " + DOCS / 1000 + "k-document database open, head loaded, every document read; child JVM " + HEAP;
    }

    @Override
    public List<Figure> run(Workspace ws) throws Exception {
        PrintStream out = ws.out();
        Path dir = ws.copyOfBase(DOCS, "memory");
        Map<String, Long> probe = new LinkedHashMap<>();
        int exit;
        try {
            Process p = new ProcessBuilder(command(dir)).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] f = line.split(" ");
                    if (f.length == 3 && f[0].equals("probe")) probe.put(f[1], Long.parseLong(f[2]));
                    else out.println("  [probe] " + line);
                }
            }
            exit = p.waitFor();
        } finally {
            Workspace.delete(dir);
        }
        boolean fits = exit == 0 && probe.containsKey("all-read");
        Table t = new Table("step", "heap used after GC", "over the previous step");
        long prev = 0;
        for (String step : List.of("jvm", "open", "head-loaded", "all-read")) {
            Long v = probe.get(step);
            if (v == null) continue;
            t.row(step, Table.mib(v), prev == 0 ? "" : Table.mib(v - prev));
            prev = v;
        }
        if (probe.containsKey("peak")) t.row("peak heap used (no forced GC)", Table.mib(probe.get("peak")), "");
        if (probe.containsKey("max")) t.row("max heap (" + HEAP + ")", Table.mib(probe.get("max")), "");
        t.print(out);
        out.printf("  child JVM exit code %d%n", exit);
        List<Figure> figures = new ArrayList<>();
        long loaded = probe.getOrDefault("head-loaded", -1L);
        long read = probe.getOrDefault("all-read", -1L);
        figures.add(Figure.against(name(), "heap, " + DOCS / 1000 + "k docs open + head loaded", loaded < 0 ? "failed" : Table.mib(loaded),
                "< 512 MiB", fits && loaded < TARGET));
        figures.add(Figure.against(name(), "heap, after reading every document (" + HEAP + ")", read < 0 ? "failed (exit " + exit + ")" : Table.mib(read),
                "< 512 MiB", fits && read < TARGET));
        return figures;
    }

    private static List<String> command(Path dir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments())
            if (!a.startsWith("-Xmx") && !a.startsWith("-XX:MaxRAM")) cmd.add(a);
        cmd.add(HEAP);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MemoryProbe.class.getName());
        cmd.add(dir.toString());
        cmd.add(String.valueOf(DOCS));
        return cmd;
    }
}
