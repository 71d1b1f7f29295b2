package io.quire.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.server.store.merge.Grafts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraftsFileTest {
    @TempDir
    Path dir;

    @Test
    void graftsSurviveAWriteAndARereadAndNoneRemovesTheFile() throws Exception {
        try (GitDatabases dbs = new GitDatabases(dir, "a")) {
            GitDatabase db = dbs.create("contacts", Fixtures.CONTACTS);
            ObjectId a = ObjectId.fromString("1111111111111111111111111111111111111111");
            ObjectId b = ObjectId.fromString("2222222222222222222222222222222222222222");
            ObjectId c = ObjectId.fromString("3333333333333333333333333333333333333333");
            GraftsFile.write(db.repository(), new Grafts(Map.of(a, List.of(b, c), b, List.of(c))));
            assertEquals(Map.of(a, List.of(b, c), b, List.of(c)), GraftsFile.read(db.repository()).entries());
            GraftsFile.write(db.repository(), Grafts.NONE);
            assertTrue(Files.notExists(db.repository().getDirectory().toPath().resolve(GraftsFile.NAME)));
            assertSame(Grafts.NONE, GraftsFile.read(db.repository()));
        }
    }

    @Test
    void aDamagedFileIsIgnoredSoMergesGoOn() throws Exception {
        Fixtures.seedTwoReplicas(dir);
        try (GitDatabases a = new GitDatabases(dir.resolve("a"), "a"); GitDatabases b = new GitDatabases(dir.resolve("b"), "b")) {
            GitDatabase da = a.get("contacts"), db = b.get("contacts");
            da.put(Fixtures.contact("ann"), Fixtures.json("{\"name\":\"Ann\"}"));
            db.put(Fixtures.contact("bob"), Fixtures.json("{\"name\":\"Bob\"}"));
            Files.writeString(da.repository().getDirectory().toPath().resolve(GraftsFile.NAME), "not a commit id\n\u0000\u00ff garbage\n");
            assertSame(Grafts.NONE, GraftsFile.read(da.repository()));
            Fixtures.fetchMain(db, da, "peer");
            da.mergeBranch("peer");
            assertEquals("Ann", da.get(Fixtures.contact("ann")).orElseThrow().data().get("name").asText());
            assertEquals("Bob", da.get(Fixtures.contact("bob")).orElseThrow().data().get("name").asText());
        }
    }
}
