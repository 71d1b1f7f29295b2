package io.quire.server.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.sdk.Document;
import io.quire.sdk.DocumentId;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import io.quire.server.prune.Maintenance;
import io.quire.server.store.GitDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevObject;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Pruning while every node writes and replicates at the same time (issue 3; the replication size
 * benchmark lost commits this way): writers on every node, deliveries in both directions on their
 * own threads, and each node pruning with its peers' checkpoints as horizon every few milliseconds.
 * Afterwards every ref of every replica must be complete down to its shallow boundary, the replicas
 * must converge, every acknowledged increment must be there and deleted documents must stay deleted.
 */
class PruneUnderConcurrentWritesTest {
    static final String DB = "churn";
    static final String SCHEMA = """
            name: churn
            version: 1
            types:
              item:
                onConflict: delete-wins
                fields:
                  hits: { type: integer, merge: counter }
            """;
    static final int NODES = 3;
    static final int KEYS = 6;
    static final int DOOMED = 4;
    static final long RUN_MILLIS = 6_000;

    @RepeatedTest(3)
    void replicasStayCompleteAndConvergeWhilePruningRunsUnderWrites() throws Exception {
        Path dir = scratch();
        List<Throwable> crashed = new CopyOnWriteArrayList<>();
        AtomicInteger prunes = new AtomicInteger();
        try (SimulatedCluster c = new SimulatedCluster(dir, NODES)) {
            c.store(0).create(DB, SCHEMA);
            for (int i = 1; i < NODES; i++) c.deliver(0, i, DB);
            for (int k = 0; k < DOOMED; k++) c.db(0, DB).put(doomed(k), DocumentCodec.MAPPER.createObjectNode().put("hits", 1));
            assertTrue(c.settle(DB, 5), "initial replication");

            Map<Integer, AtomicLong> acked = new ConcurrentHashMap<>();
            Set<Integer> deleted = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                int node = n;
                threads.add(loop("writer-" + n, stop, crashed, new Random(n), r -> {
                    GitDatabase db = c.db(node, DB);
                    if (r.nextInt(200) == 0) {
                        int k = r.nextInt(DOOMED);
                        if (deleted.add(k)) db.delete(doomed(k));
                        return;
                    }
                    int key = r.nextInt(KEYS);
                    // Read-modify-write guarded by the revision: a merge landing in between must not eat the increment.
                    Optional<Document> cur = db.get(item(key));
                    ObjectNode data = cur.map(d -> d.data().deepCopy()).orElseGet(DocumentCodec.MAPPER::createObjectNode);
                    data.put("hits", data.path("hits").asLong(0) + 1);
                    Revision expected = cur.map(Document::rev).orElse(new Revision(Transaction.ABSENT));
                    try {
                        db.commit(Transaction.builder().put(item(key), data, expected).build());
                        acked.computeIfAbsent(key, x -> new AtomicLong()).incrementAndGet();
                    } catch (QuireException.PreconditionFailed moved) {
                        // retried with the next iteration
                    }
                }));
                for (int m = 0; m < NODES; m++) {
                    if (m == n) continue;
                    int from = m;
                    threads.add(loop("deliver-" + m + "-" + n, stop, crashed, new Random(10 * n + m), r -> {
                        c.deliver(from, node, DB);
                        Thread.sleep(r.nextInt(20));
                    }));
                }
                Set<String> peers = new HashSet<>();
                for (int m = 0; m < NODES; m++) if (m != n) peers.add(SimulatedCluster.name(m));
                threads.add(loop("prune-" + n, stop, crashed, new Random(100 + n), r -> {
                    if (Maintenance.run(c.db(node, DB), peers, r.nextBoolean(), 20).prunedAt() != null) prunes.incrementAndGet();
                    Thread.sleep(r.nextInt(50));
                }));
            }
            threads.forEach(Thread::start);
            Thread.sleep(RUN_MILLIS);
            stop.set(true);
            for (Thread t : threads) t.join(60_000);
            assertTrue(crashed.isEmpty(), "a worker failed: " + crashed);
            assertTrue(prunes.get() > 0, "pruning never ran: the test proves nothing");

            for (int n = 0; n < NODES; n++) assertComplete(c.db(n, DB), "n" + n + " after the concurrent phase");
            assertTrue(c.settle(DB, 10), "replicas did not converge: " + heads(c));
            for (int n = 0; n < NODES; n++) {
                GitDatabase db = c.db(n, DB);
                assertComplete(db, "n" + n + " after settling");
                for (Map.Entry<Integer, AtomicLong> e : acked.entrySet())
                    assertEquals(e.getValue().get(), db.get(item(e.getKey())).orElseThrow().data().path("hits").asLong(),
                            "n" + n + ": acknowledged increments of " + item(e.getKey()));
                for (int k : deleted) assertTrue(db.get(doomed(k)).isEmpty(), "n" + n + ": deleted " + doomed(k) + " came back");
                fsck(db);
            }
        } finally {
            if (System.getenv("QUIRE_TEST_KEEP") != null) System.out.println("kept " + dir);
            else ReplicationProperties.delete(dir);
        }
    }

    interface Step {
        void run(Random r) throws Exception;
    }

    static Thread loop(String name, AtomicBoolean stop, List<Throwable> crashed, Random r, Step step) {
        return Thread.ofPlatform().name(name).unstarted(() -> {
            while (!stop.get()) {
                try {
                    step.run(r);
                } catch (Throwable e) {
                    crashed.add(new AssertionError(name + ": " + e, e));
                    return;
                }
            }
        });
    }

    static DocumentId item(int k) {
        return DocumentId.of("item", "k" + k);
    }

    static DocumentId doomed(int k) {
        return DocumentId.of("item", "gone" + k);
    }

    /** Every object every ref reaches, down to the shallow boundary, can be read (a stricter walk than fsck's connectivity). */
    static void assertComplete(GitDatabase db, String where) throws IOException {
        FileRepository repo = db.repository();
        for (Ref ref : repo.getRefDatabase().getRefs()) {
            try (ObjectWalk w = new ObjectWalk(repo); ObjectReader reader = repo.newObjectReader()) {
                w.markStart(w.parseAny(ref.getObjectId()));
                try {
                    while (w.next() != null) {
                        // commits parsed
                    }
                    for (RevObject o; (o = w.nextObject()) != null; ) reader.open(o).getSize();
                } catch (IOException e) {
                    throw new AssertionError(where + ": " + ref.getName() + " is incomplete: " + e, e);
                }
            }
        }
    }

    static void fsck(GitDatabase db) throws Exception {
        Process p = new ProcessBuilder("git", "--git-dir", db.repository().getDirectory().getPath(), "fsck", "--strict", "--no-dangling")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    static String heads(SimulatedCluster c) {
        List<String> h = new ArrayList<>();
        for (int i = 0; i < c.size; i++) h.add(c.db(i, DB).head().substring(0, 8));
        return h.toString();
    }

    static Path scratch() throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "quire-prune")
                : Files.createTempDirectory("quire-prune");
    }
}
