package io.quire.server.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.sdk.DocumentId;
import io.quire.server.replication.SimulatedClusterAccess;
import io.quire.server.store.GitDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer that stays away: it holds the horizon back only for the hold ({@code cluster.pruneHoldHours});
 * after that the others prune past its checkpoint but keep that checkpoint's tree, and when it
 * returns its offline changes are merged with that checkpoint as the base: they are kept, and
 * deletes made meanwhile stay deleted.
 */
class PruneHoldTest {
    static final String DB = "p";

    @TempDir
    Path dir;

    static void write(GitDatabase db, String doc, int v) {
        ObjectNode data = DocumentCodec.MAPPER.createObjectNode().put("v", v);
        db.put(DocumentId.of("doc", doc), data);
    }

    static int value(GitDatabase db, String doc) {
        return db.get(DocumentId.of("doc", doc)).orElseThrow(() -> new AssertionError(doc + " missing on " + db)).data().get("v").asInt();
    }

    /** n2 leaves; n0 and n1 write, delete and replicate 600 commits' worth while it is away. */
    private static void awayWhileOthersWrite(SimulatedClusterAccess c) throws InterruptedException {
        c.create(DB, PruneTest.SCHEMA);
        GitDatabase a = c.db(0, DB), b = c.db(1, DB), away = c.db(2, DB);
        for (int i = 0; i < 5; i++) write(a, "d" + i, i);
        assertTrue(c.settle(DB, 5));
        c.partition(0, 2);
        c.partition(1, 2);
        Thread.sleep(2_100); // commit times have a one-second resolution; the hold in these tests is one second
        write(away, "d1", 777);       // an offline change
        write(away, "offline", 1);    // an offline creation
        a.delete(DocumentId.of("doc", "d3"));
        for (int round = 0; round < 30; round++) {
            for (int i = 0; i < 20; i++) write(round % 2 == 0 ? a : b, "busy" + (i % 4), round * 100 + i);
            c.deliver(0, 1, DB);
            c.deliver(1, 0, DB);
        }
        assertEquals(a.head(), b.head());
    }

    @Test
    void aPeerAwayForLessThanTheHoldKeepsTheHistoryItMayNeed() throws Exception {
        try (SimulatedClusterAccess c = new SimulatedClusterAccess(dir, 3)) {
            awayWhileOthersWrite(c);
            GitDatabase a = c.db(0, DB);
            long before = PruneTest.commits(a);
            Maintenance.run(a, new Maintenance.Settings(Set.of("n1", "n2"), Duration.ofHours(168), 20, Maintenance.DEFAULT_BUDGET), true);
            // At most the few commits from before n2 left can go: the horizon waits at n2's checkpoint.
            assertTrue(PruneTest.commits(a) >= before - 10, "history since n2 left was pruned: " + PruneTest.commits(a) + " of " + before);
            assertTrue(a.repository().getObjectDatabase().has(a.repository().exactRef("refs/common/n2").getObjectId()));
        }
    }

    @Test
    void aPeerAwayLongerThanTheHoldStopsHoldingTheHorizonAndMergesCorrectlyWhenItReturns() throws Exception {
        try (SimulatedClusterAccess c = new SimulatedClusterAccess(dir, 3)) {
            awayWhileOthersWrite(c);
            GitDatabase a = c.db(0, DB), b = c.db(1, DB), away = c.db(2, DB);
            long before = PruneTest.commits(a);
            Maintenance.Settings hold = new Maintenance.Settings(Set.of("n0", "n1", "n2"), Duration.ofSeconds(1), 20, Maintenance.DEFAULT_BUDGET);
            ObjectId checkpoint = a.repository().exactRef("refs/common/n2").getObjectId();
            assertNotNull(Maintenance.run(a, without(hold, "n0"), false).prunedAt(), "n2 no longer holds the horizon on n0");
            assertNotNull(Maintenance.run(b, without(hold, "n1"), false).prunedAt(), "nor on n1");
            assertTrue(PruneTest.commits(a) < before / 4, "history was pruned: " + PruneTest.commits(a) + " of " + before);
            assertTrue(a.repository().getObjectDatabase().getShallowCommits().contains(checkpoint),
                    "n2's checkpoint is kept as a boundary, with its tree");
            assertTrue(a.repository().getObjectDatabase().has(a.repository().parseCommit(checkpoint).getTree()));

            c.healAll();
            assertTrue(c.settle(DB, 10), "the returning peer converges with the pruned ones");
            for (GitDatabase db : new GitDatabase[]{a, b, away}) {
                assertEquals(777, value(db, "d1"), "the offline change is kept on " + db);
                assertEquals(1, value(db, "offline"), "the offline creation is kept on " + db);
                assertTrue(db.get(DocumentId.of("doc", "d3")).isEmpty(), "the delete made while n2 was away stays deleted on " + db);
                assertEquals(2_919, value(db, "busy3"), "the others' writes are kept on " + db);
                assertEquals(4, value(db, "d4"));
                fsck(db);
            }
            // and replication goes on in every direction
            write(away, "after", 5);
            write(a, "d0", 50);
            assertTrue(c.settle(DB, 10));
            assertEquals(5, value(a, "after"));
            assertEquals(50, value(away, "d0"));
        }
    }

    private static Maintenance.Settings without(Maintenance.Settings s, String self) {
        Set<String> peers = new java.util.HashSet<>(s.peers());
        peers.remove(self);
        return new Maintenance.Settings(peers, s.pruneHold(), s.minCommits(), s.budget());
    }

    static void fsck(GitDatabase db) throws Exception {
        Process p = new ProcessBuilder("git", "--git-dir", db.repository().getDirectory().getPath(), "fsck", "--strict", "--no-dangling")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), db + ": " + out);
    }
}
