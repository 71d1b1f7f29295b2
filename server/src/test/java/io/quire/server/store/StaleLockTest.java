package io.quire.server.store;

import static io.quire.server.store.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quire.sdk.DocumentId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed while it moved a ref leaves {@code <ref>.lock}; the next start must still take writes. */
class StaleLockTest {
    @TempDir
    Path dir;

    @Test
    void aRefLockLeftByAKilledWriterDoesNotStopLaterWrites() throws Exception {
        Path git;
        try (GitDatabases dbs = new GitDatabases(dir, "a")) {
            GitDatabase db = dbs.create("contacts", Fixtures.CONTACTS);
            db.put(DocumentId.of("contact", "ann"), json("{\"name\":\"Ann\"}"));
            git = db.repository().getDirectory().toPath();
        }
        // What SIGKILL between JGit's lock write and its rename leaves behind.
        Files.writeString(git.resolve("refs/heads/main.lock"), "0000000000000000000000000000000000000000\n");
        Files.createDirectories(git.resolve("refs/common"));
        Files.writeString(git.resolve("refs/common/b.lock"), "garbage\n");

        try (GitDatabases dbs = new GitDatabases(dir, "a")) {
            GitDatabase db = dbs.get("contacts");
            db.put(DocumentId.of("contact", "bob"), json("{\"name\":\"Bob\"}"));
            assertEquals("Bob", db.get(DocumentId.of("contact", "bob")).orElseThrow().data().get("name").asText());
            assertEquals("Ann", db.get(DocumentId.of("contact", "ann")).orElseThrow().data().get("name").asText());
            assertFalse(Files.exists(git.resolve("refs/heads/main.lock")));
            assertFalse(Files.exists(git.resolve("refs/common/b.lock")));
        }
    }
}
