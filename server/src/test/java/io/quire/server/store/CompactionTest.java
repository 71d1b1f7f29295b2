package io.quire.server.store;

import static io.quire.server.store.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.sdk.DocumentId;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction folds the small group-commit packs without rewriting a large base pack, and loses nothing. */
class CompactionTest {
    @TempDir
    Path dir;

    static Set<String> packs(GitDatabase db) {
        File packDir = new File(db.repository().getObjectDatabase().getDirectory(), "pack");
        return Arrays.stream(packDir.listFiles((d, n) -> n.endsWith(".pack"))).map(File::getName).collect(Collectors.toSet());
    }

    @Test
    void aLargeBasePackIsKeptWhileTheSmallPacksAreFoldedIntoOne() throws Exception {
        try (GitDatabases dbs = new GitDatabases(dir, "a")) {
            GitDatabase db = dbs.create("contacts", Fixtures.CONTACTS);
            Fixtures.writeLargeBasePack(db);

            Set<String> base = packs(db);
            assertEquals(1, base.size());
            for (int i = 0; i < 10; i++) db.put(DocumentId.of("contact", "c" + i), json("{\"name\":\"changed " + i + "\"}"));
            assertEquals(11, packs(db).size());
            Compaction.repack(db.repository());
            Set<String> after = packs(db);
            assertEquals(2, after.size(), "the base pack and one pack of the recent objects: " + after);
            assertTrue(after.containsAll(base), "the large base pack was not rewritten");
            assertEquals("changed 3", db.get(DocumentId.of("contact", "c3")).orElseThrow().data().get("name").asText());
            assertEquals("n1999", db.get(DocumentId.of("contact", "c1999")).orElseThrow().data().get("name").asText());
            assertEquals(0, new File(db.repository().getObjectDatabase().getDirectory(), "pack")
                    .listFiles((d, n) -> n.endsWith(".keep")).length, "no keep mark is left behind");
            Process p = new ProcessBuilder("git", "--git-dir", db.repository().getDirectory().getPath(), "fsck", "--strict")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
        }
    }
}
