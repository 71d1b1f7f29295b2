package io.quire.bench;

import io.quire.server.store.GitDatabase;
import io.quire.server.store.GitDatabases;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * The child JVM of the memory benchmark (started with {@code -Xmx512m}): opens a database, loads its
 * whole head tree, reads every document once, and prints the heap in use after a full GC at each step
 * as {@code probe <step> <bytes>} lines for the parent to parse.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int docs = Integer.parseInt(args[1]);
        Corpus.doc(0, 0); // load the JSON classes before the baseline
        report("jvm", null);
        try (GitDatabases node = new GitDatabases(dataDir, "m")) {
            GitDatabase db = node.get(Corpus.DB);
            report("open", db);
            long counted = db.info().documentCounts().values().stream().mapToLong(Long::longValue).sum(); // walks every bucket
            if (counted != docs) throw new IllegalStateException("expected " + docs + " documents, found " + counted);
            report("head-loaded", db);
            for (int i = 0; i < docs; i++)
                if (db.get(Corpus.id(i)).isEmpty()) throw new IllegalStateException("document " + i + " is missing");
            report("all-read", db);
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        System.out.println("probe peak " + peak);
        System.out.println("probe max " + Runtime.getRuntime().maxMemory());
    }

    /** Prints the heap used after full GCs; {@code keep} stays reachable so the GC cannot drop it. */
    private static void report(String step, Object keep) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("probe " + step + " " + used);
        java.lang.ref.Reference.reachabilityFence(keep);
    }
}
