package io.quire.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.sdk.DocumentId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The victim of {@link CrashSafetyIT}: 16 threads write as fast as they can and print
 * {@code ack <id> <value>} for every write the store acknowledged, until the process is killed.
 */
public final class CrashWriter {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        GitDatabases dbs = new GitDatabases(dir, "victim");
        GitDatabase db = dbs.get("crash") != null ? dbs.get("crash")
                : dbs.create("crash", "name: crash\nversion: 1\ntypes:\n  doc:\n    fields:\n      v: { type: integer }\n      pad: { type: string }\n");
        PrintStream out = new PrintStream(System.out, false);
        int base = Integer.parseInt(args[1]);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int t = 0; t < 16; t++) {
            int thread = t;
            pool.execute(() -> {
                // Each document has one writer thread, so its acknowledged values only grow.
                for (int i = 1; ; i++) {
                    int n = base + i;
                    ObjectNode data = DocumentCodec.MAPPER.createObjectNode().put("v", n).put("pad", "x".repeat(n % 200));
                    String id = "t" + thread + "-" + (i % 30);
                    db.put(DocumentId.of("doc", id), data);
                    synchronized (out) {
                        out.println("ack " + id + " " + n);
                        out.flush();
                    }
                }
            });
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
