package io.quire.server.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.sdk.DocumentId;
import io.quire.server.replication.SimulatedClusterAccess;
import io.quire.server.store.GitDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pruning with every peer up: a steady stream of updates to a few documents, replicated both ways,
 * leaves each repository at the size of its current state plus a small window; replication and
 * stock {@code git fsck} still work on the pruned repositories.
 */
class PruneTest {
    static final String SCHEMA = "name: p\nversion: 1\ntypes:\n  doc:\n    fields:\n      v: { type: integer, merge: max }\n";

    @TempDir
    Path dir;

    static long commits(GitDatabase db) throws Exception {
        try (RevWalk rw = new RevWalk(db.repository())) {
            rw.markStart(rw.parseCommit(db.currentHead().commit()));
            long n = 0;
            while (rw.next() != null) n++;
            return n;
        }
    }

    static void write(GitDatabase db, int doc, int v) {
        ObjectNode data = DocumentCodec.MAPPER.createObjectNode().put("v", v);
        db.put(DocumentId.of("doc", "d" + doc), data);
    }

    @Test
    void historyBelowTheHorizonIsDroppedAndReplicationGoesOn() throws Exception {
        try (SimulatedClusterAccess c = new SimulatedClusterAccess(dir, 2)) {
            c.create("p", SCHEMA);
            GitDatabase a = c.db(0, "p"), b = c.db(1, "p");
            for (int round = 0; round < 40; round++) {
                for (int i = 0; i < 20; i++) write(round % 2 == 0 ? a : b, i % 5, round * 100 + i);
                c.deliver(0, 1, "p");
                c.deliver(1, 0, "p");
            }
            assertEquals(a.head(), b.head());
            long before = commits(a);
            assertTrue(before > Maintenance.MIN_PRUNE_COMMITS, "enough history to prune: " + before);
            Maintenance.Outcome out = Maintenance.run(a, Set.of("n1"), false);
            assertNotNull(out.prunedAt(), "a horizon exists once the peer confirmed a common commit");
            long after = commits(a);
            assertTrue(after < before / 4, "history kept: " + after + " of " + before);
            assertEquals(1, a.repository().getObjectDatabase().getPacks().size());

            // Replication still works both ways after the prune, and the data is intact.
            write(a, 1, 999_999);
            write(b, 2, 888_888);
            c.deliver(0, 1, "p");
            c.deliver(1, 0, "p");
            assertEquals(a.head(), b.head());
            assertEquals(999_999, b.get(DocumentId.of("doc", "d1")).orElseThrow().data().get("v").asInt());
            assertEquals(888_888, a.get(DocumentId.of("doc", "d2")).orElseThrow().data().get("v").asInt());

            Process p = new ProcessBuilder("git", "--git-dir", a.repository().getDirectory().getPath(), "fsck", "--strict")
                    .redirectErrorStream(true).start();
            String fsck = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), fsck);
            assertTrue(Files.exists(a.repository().getDirectory().toPath().resolve("shallow")));
        }
    }

    @Test
    void aNewReplicaCanBeCreatedFromAPrunedOneAndMergesWithIt() throws Exception {
        try (SimulatedClusterAccess c = new SimulatedClusterAccess(dir, 3)) {
            c.createOn(0, "p", SCHEMA);
            c.deliver(0, 1, "p");
            GitDatabase a = c.db(0, "p"), b = c.db(1, "p");
            for (int round = 0; round < 30; round++) {
                for (int i = 0; i < 20; i++) write(round % 2 == 0 ? a : b, i % 5, round * 100 + i);
                c.deliver(0, 1, "p");
                c.deliver(1, 0, "p");
            }
            assertNotNull(Maintenance.run(a, Set.of("n1"), false).prunedAt());
            c.deliver(0, 2, "p"); // n2 has never seen this database: it clones the pruned replica
            GitDatabase fresh = c.db(2, "p");
            assertNotNull(fresh, "the new replica was created from the pruned one");
            assertEquals(a.head(), fresh.head());
            write(fresh, 4, 777_777);
            write(a, 3, 666_666);
            c.deliver(2, 0, "p");
            c.deliver(0, 2, "p");
            assertEquals(a.head(), fresh.head());
            assertEquals(777_777, a.get(DocumentId.of("doc", "d4")).orElseThrow().data().get("v").asInt());
            assertEquals(666_666, fresh.get(DocumentId.of("doc", "d3")).orElseThrow().data().get("v").asInt());
        }
    }

    @Test
    void withoutPeersNothingIsPrunedButSmallPacksAreCompacted() throws Exception {
        try (SimulatedClusterAccess c = new SimulatedClusterAccess(dir, 1)) {
            c.create("p", SCHEMA);
            GitDatabase a = c.db(0, "p");
            for (int i = 0; i < Maintenance.MAX_PACKS + 5; i++) write(a, i % 3, i);
            long before = commits(a);
            // force: the writer's background consolidation already keeps the pack count under MAX_PACKS
            Maintenance.Outcome out = Maintenance.run(a, Set.of(), true);
            assertTrue(out.repacked());
            assertNull(out.prunedAt());
            assertEquals(before, commits(a), "a single node keeps its history");
            // one, or two when the consolidated pack is large enough for the geometric repack to keep it
            assertTrue(a.repository().getObjectDatabase().getPacks().size() <= 2, a.repository().getObjectDatabase().getPacks().toString());
            assertEquals(Maintenance.MAX_PACKS + 4, a.get(DocumentId.of("doc", "d" + ((Maintenance.MAX_PACKS + 4) % 3))).orElseThrow()
                    .data().get("v").asInt());
        }
    }

    /**
     * Three nodes that all write between deliveries make a history with no single cut: each node's
     * newest commit has a parent below the horizon. Pruning must still drop that history (it kept
     * all of it when the horizon alone was a boundary), and replication must go on.
     */
    @Test
    void historyWrittenOnEveryNodeAtOnceStaysBounded() throws Exception {
        try (SimulatedClusterAccess c = new SimulatedClusterAccess(dir, 3)) {
            c.create("p", SCHEMA);
            GitDatabase[] dbs = {c.db(0, "p"), c.db(1, "p"), c.db(2, "p")};
            int[][] order = {{0, 1}, {1, 2}, {2, 0}, {1, 0}, {2, 1}, {0, 2}};
            long keptAtRound60 = 0, made = 0;
            int v = 0;
            for (int round = 1; round <= 180; round++) {
                for (GitDatabase db : dbs) {
                    write(db, v % 7, ++v);
                    made++;
                }
                for (int k = 0; k < order.length; k++) {
                    int[] d = order[(k + round) % order.length];
                    c.deliver(d[0], d[1], "p");
                    if (k == 2) for (GitDatabase db : dbs) {
                        write(db, v % 7, ++v); // more writes in flight: the nodes never agree on one head
                        made++;
                    }
                }
                if (round % 20 == 0)
                    for (int i = 0; i < 3; i++) Maintenance.run(dbs[i], peersOf(i), false, 1);
                if (round == 60) keptAtRound60 = reachable(dbs[0]);
            }
            long kept = reachable(dbs[0]);
            System.out.printf("kept %d commits after %d writes (%d at round 60)%n", kept, made, keptAtRound60);
            assertTrue(kept <= keptAtRound60 + 60, "history grows with every prune: " + keptAtRound60 + " -> " + kept);
            assertTrue(kept < made / 3, "history kept: " + kept + " commits after " + made + " writes");

            for (GitDatabase db : dbs) write(db, 3, ++v);
            assertTrue(c.settle("p", 10), "replicas converge after pruning");
            for (GitDatabase db : dbs) {
                assertEquals(dbs[0].head(), db.head());
                Process p = new ProcessBuilder("git", "--git-dir", db.repository().getDirectory().getPath(), "fsck", "--strict")
                        .redirectErrorStream(true).start();
                String fsck = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.waitFor(), fsck);
            }
            assertEquals(v, dbs[1].get(DocumentId.of("doc", "d" + (3))).orElseThrow().data().get("v").asInt());
        }
    }

    /**
     * A replica created from one pruned with borders: the clone brings each border without its
     * parents, so the new node must take every boundary the pruned one published, not only its
     * horizon, or the fetch is refused for missing parents.
     */
    @Test
    void aNewReplicaCanBeClonedFromOnePrunedWithBorders() throws Exception {
        try (SimulatedClusterAccess c = new SimulatedClusterAccess(dir, 4)) {
            c.createOn(0, "p", SCHEMA);
            c.deliver(0, 1, "p");
            c.deliver(0, 2, "p");
            GitDatabase[] dbs = {c.db(0, "p"), c.db(1, "p"), c.db(2, "p")};
            int v = 0;
            for (int round = 0; round < 5; round++) { // some history first, so borders are not the root commit
                for (GitDatabase db : dbs) write(db, v % 7, ++v);
                assertTrue(c.settle("p", 10));
            }
            Maintenance.Outcome out = null;
            for (int round = 1; round <= 40 && (out == null || out.borders() == 0); round++) {
                for (GitDatabase db : dbs) write(db, v % 7, ++v);
                c.deliver(1, 0, "p");
                c.deliver(2, 0, "p");
                c.deliver(0, 1, "p");
                c.deliver(0, 2, "p");
                for (GitDatabase db : dbs) write(db, v % 7, ++v); // in flight: node 0 is never level with the others
                c.deliver(1, 0, "p");
                c.deliver(2, 0, "p");
                out = Maintenance.run(dbs[0], Set.of("n1", "n2"), false, 1);
            }
            assertTrue(out.borders() > 0, "node 0 pruned with borders");
            c.deliver(0, 3, "p"); // n3 never had this database: it clones the pruned replica
            GitDatabase fresh = c.db(3, "p");
            assertNotNull(fresh, "the new replica was created from the pruned one");
            assertEquals(dbs[0].head(), fresh.head());
            write(fresh, 1, 1_000_000);
            assertTrue(c.settle("p", 10), "the new replica converges with the others");
            assertEquals(1_000_000, dbs[2].get(DocumentId.of("doc", "d1")).orElseThrow().data().get("v").asInt());
            Process p = new ProcessBuilder("git", "--git-dir", fresh.repository().getDirectory().getPath(), "fsck", "--strict")
                    .redirectErrorStream(true).start();
            String fsck = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), fsck);
        }
    }

    /** Commits any ref reaches: what a repack keeps. */
    static long reachable(GitDatabase db) throws Exception {
        try (RevWalk rw = new RevWalk(db.repository())) {
            for (org.eclipse.jgit.lib.Ref r : db.repository().getRefDatabase().getRefs())
                if (rw.parseAny(r.getObjectId()) instanceof org.eclipse.jgit.revwalk.RevCommit rc) rw.markStart(rc);
            long n = 0;
            while (rw.next() != null) n++;
            return n;
        }
    }

    static Set<String> peersOf(int node) {
        Set<String> peers = new java.util.HashSet<>(Set.of("n0", "n1", "n2"));
        peers.remove("n" + node);
        return peers;
    }
}
