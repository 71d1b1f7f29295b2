package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.store.UserMail.FlagChange;
import io.quire.mail.store.UserMail.NewMessage;
import io.quire.server.store.GitDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COPY, MOVE, EXPUNGE, vanished records, snapshots and change notices of {@link DatabaseUserMail}. */
class MessageOperationsTest {
    Path dir;
    GitDatabases node;
    DatabaseUserMail mail;

    @BeforeEach
    void open() {
        dir = TempDirs.create("quire-messages");
        node = new GitDatabases(dir, "a");
        node.create(MailSchema.databaseName("carol"), MailSchema.text());
        mail = new DatabaseUserMail(node.get(MailSchema.databaseName("carol")), "carol", MailOptions.defaults().withVanishedLimit(5));
        mail.ensureDefaults();
    }

    @AfterEach
    void close() {
        mail.close();
        node.close();
        TempDirs.delete(dir);
    }

    private static byte[] msg(String s) {
        return ("Subject: " + s + "\r\n\r\n" + s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void fill(String box, int n) {
        List<NewMessage> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) ms.add(new NewMessage(msg(box + i), Set.of(), Instant.ofEpochSecond(1_000_000 + i)));
        mail.appendAll(box, ms);
    }

    @Test
    void appendAllStoresSeveralMessagesInOneCommit() {
        String head = mail.database().head();
        fill("INBOX", 3);
        assertEquals(1, mail.database().history(MailDocs.mailboxId("inbox"), 10).size() - 1, "one new version of INBOX: one commit");
        assertNotEquals(head, mail.database().head());
        assertEquals(List.of(1L, 2L, 3L), mail.snapshot("INBOX").messages().stream().map(MessageEntry::uid).toList());
    }

    @Test
    void copySharesTheBodyBlobAndPairsSourceWithTargetUids() {
        fill("INBOX", 3);
        mail.store("INBOX", List.of(2L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Answered")), OptionalLong.empty());
        var out = mail.copy("INBOX", List.of(3L, 2L, 99L), "Archive");
        assertEquals(List.of(2L, 3L), out.sourceUids());
        assertEquals(List.of(1L, 2L), out.targetUids());
        assertEquals(mail.mailbox("Archive").orElseThrow().uidValidity(), out.targetUidValidity());
        MailboxSnapshot src = mail.snapshot("INBOX"), dst = mail.snapshot("Archive");
        assertEquals(3, src.messages().size(), "the source keeps its messages");
        MessageEntry a = src.byUid(2).orElseThrow(), b = dst.byUid(1).orElseThrow();
        assertEquals(a.bodyBlob(), b.bodyBlob(), "the body is stored once");
        assertNotEquals(a.id(), b.id(), "a copy is a new message");
        assertEquals(a.flags(), b.flags());
        assertEquals(a.internalDate(), b.internalDate());
        assertArrayEquals(mail.body(a), mail.body(b));
    }

    @Test
    void moveKeepsTheMessageIdAndRecordsTheSourceUidsAsVanished() {
        fill("INBOX", 3);
        long hms = mail.snapshot("INBOX").mailbox().highestModseq();
        String id = mail.snapshot("INBOX").byUid(2).orElseThrow().id();
        var out = mail.move("INBOX", List.of(2L), "Trash");
        assertEquals(List.of(2L), out.sourceUids());
        assertEquals(List.of(1L), out.targetUids());
        assertEquals(id, mail.snapshot("Trash").byUid(1).orElseThrow().id());
        assertEquals(List.of(1L, 3L), mail.snapshot("INBOX").messages().stream().map(MessageEntry::uid).toList());
        assertEquals(List.of(2L), mail.vanishedSince("INBOX", hms));
        assertTrue(mail.snapshot("INBOX").mailbox().highestModseq() > hms);
    }

    @Test
    void moveWithinOneMailboxGivesANewUid() {
        fill("INBOX", 2);
        var out = mail.move("INBOX", List.of(1L), "INBOX");
        assertEquals(List.of(3L), out.targetUids());
        assertEquals(List.of(2L, 3L), mail.snapshot("INBOX").messages().stream().map(MessageEntry::uid).toList());
        assertEquals(List.of(1L), mail.vanishedSince("INBOX", 0));
    }

    @Test
    void expungeRemovesOnlyDeletedMessagesAmongTheGivenUids() {
        fill("INBOX", 4);
        mail.store("INBOX", List.of(1L, 2L, 4L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), OptionalLong.empty());
        assertEquals(List.of(2L, 4L), mail.expunge("INBOX", Optional.of(List.of(2L, 3L, 4L))));
        assertEquals(List.of(1L, 3L), mail.snapshot("INBOX").messages().stream().map(MessageEntry::uid).toList());
        assertEquals(List.of(1L), mail.expunge("INBOX", Optional.empty()));
        assertEquals(List.of(), mail.expunge("INBOX", Optional.empty()), "nothing left to expunge writes nothing");
    }

    @Test
    void vanishedSinceListsTheUidsExpungedAfterAModseq() {
        fill("INBOX", 3);
        mail.store("INBOX", List.of(1L, 2L, 3L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), OptionalLong.empty());
        mail.expunge("INBOX", Optional.of(List.of(1L)));
        long between = mail.snapshot("INBOX").mailbox().highestModseq();
        mail.expunge("INBOX", Optional.of(List.of(3L)));
        assertEquals(List.of(1L, 3L), mail.vanishedSince("INBOX", 0));
        assertEquals(List.of(3L), mail.vanishedSince("INBOX", between));
        assertEquals(List.of(), mail.vanishedSince("INBOX", mail.snapshot("INBOX").mailbox().highestModseq()));
    }

    @Test
    void vanishedRecordsAreTrimmedToTheNewestAndTheFloorSaysFromWhere() {
        fill("INBOX", 9);
        for (long uid = 1; uid <= 9; uid++) {
            mail.store("INBOX", List.of(uid), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), OptionalLong.empty());
            mail.expunge("INBOX", Optional.empty());
        }
        List<Long> kept = mail.vanishedSince("INBOX", 0);
        assertTrue(kept.size() >= 5 && kept.size() <= 6, "about the limit of 5 kept: " + kept);
        assertEquals(9L, kept.get(kept.size() - 1), "the newest are kept");
        assertTrue(mail.vanishedFloor("INBOX") > 0, "a client older than the floor must not trust vanishedSince");
    }

    @Test
    void aSnapshotNeverChangesAfterItIsTaken() {
        fill("INBOX", 2);
        MailboxSnapshot s = mail.snapshot("INBOX");
        List<MessageEntry> copy = List.copyOf(s.messages());
        mail.store("INBOX", List.of(1L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Seen")), OptionalLong.empty());
        fill("INBOX", 1);
        assertEquals(copy, s.messages());
        assertEquals(2, s.mailbox().messages());
        MailboxChanges c = MailboxChanges.between(s, mail.snapshot("INBOX"));
        assertEquals(List.of(), c.vanished());
        assertEquals(List.of(3L), c.added().stream().map(MessageEntry::uid).toList());
        assertEquals(List.of(1L), c.changed().stream().map(MessageEntry::uid).toList());
    }

    @Test
    void snapshotOfAnUnchangedMailboxIsTheSameList() {
        fill("INBOX", 2);
        MailboxSnapshot a = mail.snapshot("INBOX");
        fill("Archive", 1);
        assertSame(a.messages(), mail.snapshot("INBOX").messages());
        assertTrue(MailboxChanges.between(a, mail.snapshot("INBOX")).isEmpty());
    }

    @Test
    void watchersHearWhichMailboxesChangedByName() throws Exception {
        List<Set<String>> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable w = mail.watch(heard::add)) {
            mail.append("Drafts", msg("d"), Set.of(), Instant.now());
            mail.move("Drafts", List.of(1L), "Sent");
            mail.rename("Sent", "Sent Items");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (heard.stream().noneMatch(s -> s.contains("Sent Items")) && System.nanoTime() < until) Thread.sleep(5);
        }
        assertTrue(heard.stream().anyMatch(s -> s.equals(Set.of("Drafts"))), "append: " + heard);
        assertTrue(heard.stream().anyMatch(s -> s.equals(Set.of("Drafts", "Sent"))), "move: " + heard);
        assertTrue(heard.stream().anyMatch(s -> s.equals(Set.of("Sent", "Sent Items"))), "rename: old and new name: " + heard);
    }

    @Test
    void anIndexRebuiltFromGitEqualsTheLiveOne() {
        fill("INBOX", 300);
        mail.store("INBOX", List.of(7L, 200L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), OptionalLong.empty());
        mail.expunge("INBOX", Optional.empty());
        mail.move("INBOX", List.of(1L, 2L), "Junk");
        DatabaseUserMail fresh = new DatabaseUserMail(mail.database(), "carol");
        try {
            for (MailboxInfo i : mail.mailboxes()) {
                assertEquals(mail.snapshot(i.name()), fresh.snapshot(i.name()));
                assertEquals(mail.vanishedSince(i.name(), 0), fresh.vanishedSince(i.name(), 0));
            }
        } finally {
            fresh.close();
        }
    }
}
