package io.quire.server.store;

import static io.quire.server.store.Fixtures.contact;

import static io.quire.server.store.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.sdk.CommitResult;
import io.quire.sdk.DocumentId;
import io.quire.sdk.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A merge and the writes queued behind it become durable in one group commit, on top of the merge. */
class IntegrationBatchTest {
    @TempDir
    Path dir;

    @Test
    void writesQueuedBehindAnIntegrationAreCommittedOnTopOfItsMergeInOneGo() throws Exception {
        Fixtures.seedTwoReplicas(dir);
        try (GitDatabases a = new GitDatabases(dir.resolve("a"), "a"); GitDatabases b = new GitDatabases(dir.resolve("b"), "b")) {
            GitDatabase da = a.get("contacts");
            GitDatabase db = b.get("contacts");
            da.put(contact("ann"), json("{\"name\":\"Ann\"}"));
            db.put(contact("bob"), json("{\"name\":\"Bob\"}"));
            Fixtures.fetchMain(db, da, "peer");
            ObjectId theirs = da.repository().resolve("refs/heads/peer");
            ObjectId before = da.currentHead().commit();

            List<GitDatabase.HeadChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
            da.onHeadChange(changes::add);
            // Hold the writer, queue the integration, then writes behind it.
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> hold = CompletableFuture.supplyAsync(() -> da.exclusive(() -> release.await(10, TimeUnit.SECONDS)));
            Thread.sleep(100);
            CompletableFuture<Integration> merged = CompletableFuture.supplyAsync(() -> da.integrateWith(theirs, null));
            Thread.sleep(100);
            List<CompletableFuture<CommitResult>> writes = new ArrayList<>();
            for (int i = 0; i < 5; i++) writes.add(da.commitAsync(Transaction.builder().put(contact("w" + i), json("{\"name\":\"w" + i + "\"}")).build()));
            release.countDown();
            hold.get(10, TimeUnit.SECONDS);
            Integration r = merged.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<CommitResult> w : writes) w.get(10, TimeUnit.SECONDS);

            assertTrue(r.containsOther());
            ObjectId head = da.currentHead().commit();
            assertEquals(head, da.repository().resolve("refs/heads/main"), "main on disk is the published head");
            try (RevWalk rw = new RevWalk(da.repository())) {
                RevCommit top = rw.parseCommit(head);
                assertEquals(1, top.getParentCount(), "the writes' group commit");
                RevCommit merge = rw.parseCommit(top.getParent(0));
                assertEquals(r.head(), merge.getId(), "sits on the merge");
                assertEquals(2, merge.getParentCount());
                assertTrue(List.of(merge.getParent(0).getId(), merge.getParent(1).getId()).containsAll(List.of(before, theirs)));
            }
            for (CompletableFuture<CommitResult> w : writes) assertEquals(head.name(), w.get().commit(), "all five in that one commit");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (changes.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
            Thread.sleep(100);
            assertEquals(1, changes.size(), "one head change (one ref move, one round of syncs) for the merge and the writes: " + changes);
            assertEquals(before, changes.get(0).from());
            assertEquals(head, changes.get(0).to());
            for (String k : List.of("seed", "ann", "bob", "w0", "w4")) assertTrue(da.get(contact(k)).isPresent(), k);

            // With nothing queued, the merge is adopted alone before integrateWith returns.
            db.put(contact("cy"), json("{\"name\":\"Cy\"}"));
            Fixtures.fetchMain(db, da, "peer");
            Integration alone = da.integrateWith(da.repository().resolve("refs/heads/peer"), null);
            assertEquals(alone.head(), da.currentHead().commit());
            assertEquals(alone.head(), da.repository().resolve("refs/heads/main"));
            assertTrue(da.get(contact("cy")).isPresent());
            PackConsolidationTest.fsck(da.repository());
        }
    }
}
