package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.model.Flags;
import io.quire.mail.store.UserMail.Appended;
import io.quire.mail.store.UserMail.FlagChange;
import io.quire.server.store.GitDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The message operations of {@link DatabaseUserMail} over a real embedded store. */
class DatabaseUserMailTest {
    Path dir;
    GitDatabases node;
    DatabaseUserMail mail;

    @BeforeEach
    void open() {
        dir = TempDirs.create("quire-mail");
        node = new GitDatabases(dir, "a");
        mail = MailSchema.create(node, "alice@example.org");
    }

    @AfterEach
    void close() {
        mail.close();
        node.close();
        TempDirs.delete(dir);
    }

    static byte[] msg(String subject) {
        return ("Subject: " + subject + "\r\n\r\nbody of " + subject + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aNewUserHasTheDefaultMailboxes() {
        assertEquals(List.of("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash"),
                mail.mailboxes().stream().map(MailboxInfo::name).toList());
        assertEquals(Optional.of("\\Sent"), mail.mailbox("Sent").orElseThrow().specialUse());
        assertEquals("mail.alice@example.org", mail.database().name());
    }

    @Test
    void appendGivesUidsFromUidNextAndTheBodyReadsBackByteForByte() {
        Appended a = mail.append("INBOX", msg("one"), Set.of("\\Seen"), Instant.parse("2026-01-01T00:00:00Z"));
        Appended b = mail.append("inbox", msg("two"), Set.of(), Instant.parse("2026-01-02T00:00:00Z"));
        assertEquals(1, a.uid());
        assertEquals(2, b.uid());
        MailboxSnapshot s = mail.snapshot("INBOX");
        assertEquals(2, s.messages().size());
        assertEquals(3, s.mailbox().uidNext());
        assertEquals(1, s.mailbox().unseen());
        assertArrayEquals(msg("two"), mail.body(s.messages().get(1)));
        assertEquals(Set.of("\\Seen"), s.messages().get(0).flags());
        assertTrue(s.messages().get(1).modseq() > s.messages().get(0).modseq());
    }

    @Test
    void storeChangesFlagsAndRaisesTheModseqAndUnchangedSinceRefusesNewerEntries() {
        mail.append("INBOX", msg("one"), Set.of(), Instant.now());
        mail.append("INBOX", msg("two"), Set.of(), Instant.now());
        MailboxSnapshot before = mail.snapshot("INBOX");
        long m2 = before.messages().get(1).modseq(); // both entries are at or below it before the first STORE
        var out = mail.store("INBOX", List.of(1L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\flagged")), OptionalLong.empty());
        assertEquals(1, out.changed().size());
        assertEquals(Set.of(Flags.FLAGGED), out.changed().get(0).flags());
        assertTrue(out.changed().get(0).modseq() > before.mailbox().highestModseq());
        var cond = mail.store("INBOX", List.of(1L, 2L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Seen")), OptionalLong.of(m2));
        assertEquals(List.of(1L), cond.modified());
        assertEquals(List.of(2L), cond.changed().stream().map(MessageEntry::uid).toList());
    }

    @Test
    void anUnknownMailboxIsNoSuchMailbox() {
        var e = assertThrows(MailStoreException.class, () -> mail.append("Nope", msg("x"), Set.of(), Instant.now()));
        assertEquals(MailStoreException.Kind.NO_SUCH_MAILBOX, e.kind());
        assertFalse(mail.mailbox("Nope").isPresent());
    }
}
