package io.quire.server.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.server.replication.SimulatedClusterAccess;
import io.quire.server.store.GitDatabase;
import io.quire.server.store.GraftsFile;
import io.quire.server.store.merge.MergeBases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cut at the horizon and its borders keeps merge bases exact: for every pair of kept commits that
 * contain the horizon (every head a peer can send), the best common ancestors after the prune,
 * walked through the grafts, are those before it. A plain walk, which sees borders as roots, does
 * not always agree.
 */
class CutTest {
    @TempDir
    Path dir;

    @Test
    void mergeBasesOfCommitsAboveTheHorizonAreTheSameAfterThePrune() throws Exception {
        try (SimulatedClusterAccess c = new SimulatedClusterAccess(dir, 3)) {
            c.create("p", PruneTest.SCHEMA);
            GitDatabase[] dbs = {c.db(0, "p"), c.db(1, "p"), c.db(2, "p")};
            int[][] order = {{0, 1}, {1, 2}, {2, 0}, {1, 0}, {2, 1}, {0, 2}};
            int v = 0;
            for (int round = 1; round <= 30; round++) {
                for (GitDatabase db : dbs) PruneTest.write(db, v % 7, ++v);
                for (int k = 0; k < order.length; k++) {
                    int[] d = order[(k * 5 + round) % order.length];
                    c.deliver(d[0], d[1], "p");
                    if (k == 2) for (GitDatabase db : dbs) PruneTest.write(db, v % 7, ++v);
                }
            }
            for (GitDatabase db : dbs) PruneTest.write(db, v % 7, ++v); // in flight at the prune
            c.deliver(1, 0, "p");
            GitDatabase a = dbs[0];
            List<ObjectId> recent = new ArrayList<>();
            Map<String, List<ObjectId>> before = new HashMap<>();
            try (RevWalk rw = new RevWalk(a.repository())) {
                for (org.eclipse.jgit.lib.Ref r : a.repository().getRefDatabase().getRefs())
                    if (rw.parseAny(r.getObjectId()) instanceof RevCommit rc) rw.markStart(rc);
                for (RevCommit x : rw) {
                    recent.add(x.copy());
                    if (recent.size() == 60) break;
                }
                for (ObjectId x : recent) for (ObjectId y : recent) if (x.name().compareTo(y.name()) < 0) before.put(x.name() + y.name(), MergeBases.of(rw, x, y));
            }

            Maintenance.Outcome out = Maintenance.run(a, PruneTest.peersOf(0), false, 1);
            assertNotNull(out.prunedAt());
            assertTrue(out.borders() > 0, "the history has no single cut (the case under test)");
            ObjectId h = out.prunedAt();
            int compared = 0, plainDiffers = 0;
            try (RevWalk grafted = GraftsFile.read(a.repository()).walk(a.repository()); RevWalk plain = new RevWalk(a.repository())) {
                for (ObjectId x : recent)
                    for (ObjectId y : recent) {
                        if (x.name().compareTo(y.name()) >= 0 || !a.repository().getObjectDatabase().has(x) || !a.repository().getObjectDatabase().has(y))
                            continue;
                        if (!MergeBases.of(grafted, x, h).contains(h) || !MergeBases.of(grafted, y, h).contains(h)) continue;
                        List<ObjectId> expected = before.get(x.name() + y.name());
                        assertEquals(expected, MergeBases.of(grafted, x, y), "merge bases of " + x.name() + " and " + y.name());
                        if (!expected.equals(MergeBases.of(plain, x, y))) plainDiffers++;
                        compared++;
                    }
            }
            System.out.printf("compared %d pairs above the horizon; a plain walk differed on %d; borders %d%n", compared, plainDiffers, out.borders());
            assertTrue(compared >= 10, "pairs compared: " + compared);
        }
    }
}
