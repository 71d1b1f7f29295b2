package io.quire.server.store;

import static io.quire.server.store.Fixtures.contact;

import static io.quire.server.store.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.sdk.DocumentId;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Background consolidation folds packs without dropping any object: not what a ref reaches, not
 * what a commit in flight wrote before its ref moved, not what a concurrent fetch brought.
 */
class PackConsolidationTest {
    @TempDir
    Path dir;

    @Test
    void theRecentPacksAreFoldedIntoOneTheBaseIsKeptAndUnreachableObjectsStay() throws Exception {
        try (GitDatabases dbs = new GitDatabases(dir, "a")) {
            GitDatabase db = dbs.create("contacts", Fixtures.CONTACTS);
            Fixtures.writeLargeBasePack(db);
            Set<String> base = CompactionTest.packs(db);
            assertEquals(1, base.size());

            for (int i = 0; i < 8; i++) db.put(contact("c" + i), json("{\"name\":\"changed " + i + "\"}"));
            ObjectId loose = unreachableBlob(db.repository(), "no ref reaches this");
            assertEquals(10, CompactionTest.packs(db).size());

            PackConsolidation.Outcome o = db.consolidateNow(PackConsolidation.MIN_FOLD);
            assertEquals(9, o.folded(), "the eight commit packs and the unreachable blob's pack");
            Set<String> after = CompactionTest.packs(db);
            assertEquals(2, after.size(), after.toString());
            assertTrue(after.containsAll(base), "the base pack is not rewritten");
            assertTrue(db.repository().getObjectDatabase().has(loose), "an object no ref reaches is kept");
            assertEquals("changed 3", db.get(contact("c3")).orElseThrow().data().get("name").asText());
            assertEquals("n1999", db.get(contact("c1999")).orElseThrow().data().get("name").asText());
            File packDir = new File(db.repository().getObjectDatabase().getDirectory(), "pack");
            assertEquals(9, packDir.listFiles((d, n) -> n.startsWith("tmp_quire_retired_")).length, "folded packs wait, retired");
            assertEquals(11, packDir.listFiles((d, n) -> n.endsWith(".idx")).length, "with their indexes");
            Thread.sleep(PackConsolidation.RETIRE_GRACE_MILLIS + 100);
            assertEquals(0, db.consolidateNow(PackConsolidation.MIN_FOLD).folded(), "nothing left to fold");
            assertEquals(0, packDir.listFiles((d, n) -> n.startsWith("tmp_")).length, "retired packs deleted after the grace");
            assertEquals(2, packDir.listFiles((d, n) -> n.endsWith(".idx")).length, "with their indexes");
            assertEquals("changed 3", db.get(contact("c3")).orElseThrow().data().get("name").asText());
            fsck(db.repository());
        }
    }

    @Test
    void theWriterStartsConsolidationsByItselfOncePacksPileUp() throws Exception {
        try (GitDatabases dbs = new GitDatabases(dir, "a")) {
            GitDatabase db = dbs.create("contacts", Fixtures.CONTACTS);
            for (int i = 0; i < 3 * PackConsolidation.TRIGGER_PACKS; i++) db.put(contact("c" + i), json("{\"name\":\"n" + i + "\"}"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (CompactionTest.packs(db).size() > PackConsolidation.TRIGGER_PACKS && System.nanoTime() < deadline) Thread.sleep(10);
            assertTrue(CompactionTest.packs(db).size() <= PackConsolidation.TRIGGER_PACKS, CompactionTest.packs(db).toString());
            for (int i = 0; i < 3 * PackConsolidation.TRIGGER_PACKS; i++) assertEquals("n" + i, db.get(contact("c" + i)).orElseThrow().data().get("name").asText());
        }
        fsck(new File(dir.toFile(), "dbs/contacts.git"));
    }

    /**
     * Consolidations run back to back while three writers commit on node a, node b writes and its head
     * is fetched into a (under the read side of the objects lock, as the Git transport does) and merged,
     * readers read, and a thread writes packs whose objects no ref reaches yet (a commit in flight) and
     * checks them after a pause. Nothing may be missing at any time, stock git fsck must pass, and every
     * acknowledged document must be readable.
     */
    @Test
    void consolidationRacingCommitsAFetchAndMergesLosesNothing() throws Exception {
        Fixtures.seedTwoReplicas(dir);
        GitDatabases nodeA = new GitDatabases(dir.resolve("a"), "a");
        GitDatabases nodeB = new GitDatabases(dir.resolve("b"), "b");
        GitDatabase a = nodeA.get("contacts");
        GitDatabase b = nodeB.get("contacts");
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<String> writtenA = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> writtenB = new ConcurrentLinkedQueue<>();
        AtomicInteger folds = new AtomicInteger(), merges = new AtomicInteger(), inflight = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int w = 0; w < 3; w++) {
                int writer = w;
                threads.add(Thread.ofPlatform().start(() -> run(stop, failures, k -> {
                    String key = "a" + writer + "-" + k;
                    a.put(contact(key), json("{\"name\":\"" + key + "\"}"));
                    writtenA.add(key);
                })));
            }
            threads.add(Thread.ofPlatform().start(() -> run(stop, failures, k -> {
                String key = "b-" + k;
                b.put(contact(key), json("{\"name\":\"" + key + "\"}"));
                writtenB.add(key);
                if (k % 5 == 0) b.consolidateNow(2);
            })));
            threads.add(Thread.ofPlatform().start(() -> run(stop, failures, k -> {
                LockedFetch.fetch(b, a, "peer");
                // both paths: a merge adopted alone, and an integration batched with the queued writes
                if (k % 2 == 0) a.mergeBranch("peer");
                else a.integrateWith(a.repository().resolve("refs/heads/peer"), null);
                merges.incrementAndGet();
            })));
            threads.add(Thread.ofPlatform().start(() -> run(stop, failures, k -> {
                if (a.consolidateNow(2).folded() > 0) folds.incrementAndGet();
            })));
            threads.add(Thread.ofPlatform().start(() -> run(stop, failures, k -> {
                ObjectId blob = unreachableBlob(a.repository(), "in flight " + k);
                Thread.sleep(5);
                Repository r = a.repository();
                if (!r.getObjectDatabase().has(blob)) throw new AssertionError("an object written but not yet on a ref vanished: " + blob.name());
                assertEquals("in flight " + k, new String(r.open(blob, Constants.OBJ_BLOB).getCachedBytes(), StandardCharsets.UTF_8));
                inflight.incrementAndGet();
            })));
            threads.add(Thread.ofPlatform().start(() -> run(stop, failures, k -> {
                String key = writtenA.peek();
                if (key != null && a.get(contact(key)).isEmpty()) throw new AssertionError("acknowledged " + key + " not readable");
                a.list("contact", java.util.Optional.empty(), 50);
            })));
            // At least 4 s, and on a loaded machine until enough of each happened (at most 30 s).
            long started = System.nanoTime();
            while (failures.isEmpty() && System.nanoTime() - started < 30_000_000_000L
                    && (System.nanoTime() - started < 4_000_000_000L || merges.get() < 10 || folds.get() < 10 || inflight.get() < 20))
                Thread.sleep(50);
            stop.set(true);
            for (Thread t : threads) t.join(60_000);
            assertTrue(failures.isEmpty(), () -> "failures: " + failures);

            LockedFetch.fetch(b, a, "peer");
            a.mergeBranch("peer");
            System.out.printf("consolidations that folded: %d, merges: %d, in-flight checks: %d, writes: %d on a, %d on b%n",
                    folds.get(), merges.get(), inflight.get(), writtenA.size(), writtenB.size());
            assertTrue(folds.get() >= 10, "consolidations that folded packs: " + folds.get());
            assertTrue(merges.get() >= 10, "merges: " + merges.get());
            assertTrue(inflight.get() >= 20, "in-flight checks: " + inflight.get());
            for (String key : writtenA) assertEquals(key, a.get(contact(key)).orElseThrow(() -> new AssertionError("lost " + key)).data().get("name").asText());
            for (String key : writtenB) assertEquals(key, a.get(contact(key)).orElseThrow(() -> new AssertionError("lost " + key)).data().get("name").asText());
            fsck(a.repository());
            fsck(b.repository());
        } finally {
            stop.set(true);
            for (Thread t : threads) t.join(60_000);
            nodeA.close();
            nodeB.close();
        }
    }

    interface Step {
        void run(int k) throws Exception;
    }

    private static void run(AtomicBoolean stop, List<Throwable> failures, Step step) {
        for (int k = 0; !stop.get(); k++) {
            try {
                step.run(k);
            } catch (Throwable t) {
                failures.add(t);
                return;
            }
        }
    }

    /** A fetch of {@code from}'s main into {@code into}, under both objects locks' read sides, as the transport does. */
    static final class LockedFetch {
        static void fetch(GitDatabase from, GitDatabase into, String branch) throws Exception {
            into.objectsLock().readLock().lock();
            try {
                from.objectsLock().readLock().lock();
                try {
                    Fixtures.fetchMain(from, into, branch);
                } finally {
                    from.objectsLock().readLock().unlock();
                }
            } finally {
                into.objectsLock().readLock().unlock();
            }
        }
    }

    /** Writes a blob in a pack of its own (as a commit in flight does) and no ref reaches it. */
    static ObjectId unreachableBlob(Repository repo, String text) throws Exception {
        try (ObjectInserter ins = Compaction.inserter((org.eclipse.jgit.internal.storage.file.FileRepository) repo)) {
            ObjectId id = ins.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
            ins.flush();
            return id;
        }
    }

    static void fsck(Repository repo) throws Exception {
        fsck(repo.getDirectory());
    }

    static void fsck(File gitDir) throws Exception {
        Process p = new ProcessBuilder("git", "--git-dir", gitDir.getPath(), "fsck", "--strict", "--no-dangling")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }
}
