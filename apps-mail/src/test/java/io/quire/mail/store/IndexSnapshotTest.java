package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.store.UserMail.FlagChange;
import io.quire.sdk.Database;
import io.quire.server.store.GitDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The derived index saved between runs ({@link IndexSnapshot}): a restart starts from the file and catches up with
 * what changed meanwhile, and ends with the view a full listing gives; a file it cannot trust is ignored.
 */
class IndexSnapshotTest {
    Path dir;
    Path indexDir;
    GitDatabases node;
    Database db;

    @BeforeEach
    void open() {
        dir = TempDirs.create("quire-index-snapshot");
        indexDir = dir.resolve("mail-index");
        node = new GitDatabases(dir.resolve("node"), "a");
        MailSchema.create(node, "alice@example.org").close();
        db = node.open(MailSchema.databaseName("alice@example.org")).orElseThrow();
    }

    @AfterEach
    void close() {
        node.close();
        TempDirs.delete(dir);
    }

    private DatabaseUserMail mail(boolean saved) {
        MailOptions o = MailOptions.defaults();
        return new DatabaseUserMail(db, "alice@example.org", saved ? o.withIndexDir(indexDir) : o);
    }

    private MailIndex savedIndex() {
        MailIndex index = new MailIndex(db, Optional.of(indexDir.resolve(IndexSnapshot.fileName(db.name()))));
        index.refresh();
        return index;
    }

    private static IndexView listed(Database db) {
        MailIndex index = new MailIndex(db);
        index.refresh();
        return index.view();
    }

    private static byte[] msg(String subject) {
        return ("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void assertSameContent(IndexView expected, IndexView actual) {
        assertEquals(expected.head(), actual.head());
        assertEquals(expected.mailboxes(), actual.mailboxes());
        assertEquals(expected.uidValidityHigh(), actual.uidValidityHigh());
        assertEquals(expected.accountRev(), actual.accountRev());
        assertEquals(expected.messages().keySet(), actual.messages().keySet());
        for (String box : expected.messages().keySet()) {
            EntryList a = expected.entries(box);
            EntryList b = actual.entries(box);
            assertEquals(List.copyOf(a), List.copyOf(b));
            for (int i = 0; i < a.size(); i++) assertEquals(a.revision(i), b.revision(i));
        }
        assertEquals(expected.vanished().keySet(), actual.vanished().keySet());
        for (String box : expected.vanished().keySet())
            assertEquals(expected.vanishedOf(box).all(), actual.vanishedOf(box).all());
    }

    @Test
    void aRestartStartsFromTheSavedIndexAndCatchesUpWithChangesMadeWhileItWasDown() {
        DatabaseUserMail m = mail(true);
        for (int i = 0; i < 20; i++) m.append("INBOX", msg("m" + i), Set.of(), Instant.ofEpochSecond(1_700_000_000L + i));
        m.store("INBOX", List.of(3L, 4L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Seen", "$Work")), OptionalLong.empty());
        m.expunge("INBOX", Optional.of(List.of(5L)));
        m.close(); // saves
        assertTrue(Files.isRegularFile(indexDir.resolve(IndexSnapshot.fileName(db.name()))));

        DatabaseUserMail other = mail(false); // changes the saved index has not seen
        other.append("INBOX", msg("late"), Set.of("\\Flagged"), Instant.ofEpochSecond(1_700_001_000L));
        other.move("INBOX", List.of(6L), "Archive");
        other.store("INBOX", List.of(7L), new FlagChange(FlagChange.Mode.REPLACE, Set.of("\\Answered")), OptionalLong.empty());
        other.create("Projects", Optional.empty());
        other.close();

        MailIndex restarted = savedIndex();
        assertTrue(restarted.loadedFromSnapshot());
        assertSameContent(listed(db), restarted.view());
    }

    @Test
    void aDamagedOrForeignSnapshotIsIgnoredAndTheDatabaseListed() throws Exception {
        DatabaseUserMail m = mail(true);
        m.append("INBOX", msg("one"), Set.of(), Instant.ofEpochSecond(1_700_000_000L));
        m.close();
        Path file = indexDir.resolve(IndexSnapshot.fileName(db.name()));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        MailIndex index = savedIndex();
        assertFalse(index.loadedFromSnapshot(), "a flipped byte fails the checksum");
        assertSameContent(listed(db), index.view());

        index.persist();
        assertTrue(savedIndex().loadedFromSnapshot(), "the index saved again after the listing is usable");

        IndexSnapshot.write(file, "mail.bob@example.org", index.view()); // bob's file where alice's belongs
        MailIndex foreign = savedIndex();
        assertFalse(foreign.loadedFromSnapshot(), "a snapshot names its database");
        assertSameContent(listed(db), foreign.view());
    }

    @Test
    void aSnapshotWhoseHeadTheDatabaseNoLongerHasIsReplacedByAListing() throws Exception {
        DatabaseUserMail m = mail(true);
        m.append("INBOX", msg("one"), Set.of(), Instant.ofEpochSecond(1_700_000_000L));
        m.close();
        Path file = indexDir.resolve(IndexSnapshot.fileName(db.name()));
        // rewrite the file as if saved at a commit this database never had
        IndexView v = listed(db);
        IndexSnapshot.write(file, db.name(), new IndexView("0123456789012345678901234567890123456789", v.mailboxes(),
                v.messages(), v.vanished(), v.uidValidityHigh(), v.accountRev(), new MergeGuard()));
        DatabaseUserMail other = mail(false);
        other.append("INBOX", msg("two"), Set.of(), Instant.ofEpochSecond(1_700_000_001L));
        other.close();
        MailIndex index = savedIndex();
        assertFalse(index.loadedFromSnapshot());
        assertSameContent(listed(db), index.view());
    }
}
