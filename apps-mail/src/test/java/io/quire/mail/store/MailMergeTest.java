package io.quire.mail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.store.UserMail.Appended;
import io.quire.mail.store.UserMail.FlagChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mail rules of ARCHITECTURE.md §4 through real merges between two replicas, one scenario each:
 *
 * <pre>
 *   base ──┬── a: change ──┐
 *          └── b: change ──┴── merge (on both, same commit)
 * </pre>
 */
class MailMergeTest {
    Replicas r;
    DatabaseUserMail a, b;

    @BeforeEach
    void replicas() {
        r = new Replicas(2);
        a = r.mail(0);
        b = r.mail(1);
    }

    @AfterEach
    void close() {
        r.close();
    }

    static byte[] msg(String s) {
        return ("Subject: " + s + "\r\n\r\n" + s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void exchange() {
        r.pull(0, 1);
        r.pull(1, 0);
    }

    @Test
    void collidingUidsAreBothRenumberedAboveBothUidNextsAlikeOnEveryReplica() {
        Appended x = a.append("INBOX", msg("x"), Set.of(), Instant.parse("2026-01-02T00:00:00Z")); // UID 1 on a
        Appended y0 = b.append("INBOX", msg("y0"), Set.of(), Instant.parse("2026-01-01T00:00:00Z")); // UID 1 on b
        Appended y1 = b.append("INBOX", msg("y1"), Set.of(), Instant.parse("2026-01-01T00:00:00Z")); // UID 2 on b
        long validity = a.snapshot("INBOX").mailbox().uidValidity();
        exchange();
        assertEquals(r.dbs[0].head(), r.dbs[1].head(), "both replicas compute the same merge commit");
        MailboxSnapshot s = a.snapshot("INBOX");
        assertEquals(s.messages(), b.snapshot("INBOX").messages());
        assertEquals(validity, s.mailbox().uidValidity(), "UIDVALIDITY stays");
        assertEquals(2, uidOf(s, y1.messageId()), "b's UID 2 did not collide and stays");
        assertEquals(3, uidOf(s, y0.messageId()), "both colliding messages get UIDs from max(UIDNEXT) = 3, in internal-date order");
        assertEquals(4, uidOf(s, x.messageId()));
        assertEquals(5, s.mailbox().uidNext());
    }

    @Test
    void aUidExpungedOnOneSideIsNeverGivenToTheOtherSidesMessage() {
        Appended x = a.append("INBOX", msg("x"), Set.of("\\Deleted"), Instant.now()); // UID 1 on a ...
        a.expunge("INBOX", Optional.empty()); // ... shown to a's clients, then expunged: no document holds UID 1 now
        Appended y = b.append("INBOX", msg("y"), Set.of(), Instant.now()); // UID 1 on b
        r.pull(0, 1);
        assertTrue(a.snapshot("INBOX").byUid(1).isEmpty(), "a's UID 1 named x: y is held back, not shown as UID 1");
        r.repair(0);
        MailboxSnapshot s = a.snapshot("INBOX");
        assertEquals(List.of(y.messageId()), s.messages().stream().map(MessageEntry::id).toList());
        assertTrue(s.messages().get(0).uid() >= 2, "y gets a fresh UID: " + s.messages());
        assertTrue(!x.messageId().equals(y.messageId()));
        r.pull(1, 0);
        assertTrue(b.vanishedSince("INBOX", 0).contains(1L), "b's clients hear that UID 1 is gone");
        assertEquals(s.messages(), b.snapshot("INBOX").messages());
    }

    @Test
    void aRenumberedUidIsReportedVanishedAndAsAnEntryChangeOfOldUidGoneNewUidAdded() {
        Appended x = a.append("INBOX", msg("x"), Set.of(), Instant.parse("2026-01-02T00:00:00Z"));
        b.append("INBOX", msg("y"), Set.of(), Instant.parse("2026-01-01T00:00:00Z"));
        MailboxSnapshot before = a.snapshot("INBOX");
        long modseqBefore = before.mailbox().highestModseq();
        exchange();
        r.repair(0);
        MailboxSnapshot after = a.snapshot("INBOX");
        assertTrue(a.vanishedSince("INBOX", modseqBefore).contains(1L), "old UID 1 reported vanished: " + a.vanishedSince("INBOX", 0));
        MailboxChanges c = MailboxChanges.between(before, after);
        assertEquals(List.of(1L), c.vanished());
        assertEquals(2, c.added().size());
        assertTrue(c.added().stream().anyMatch(e -> e.id().equals(x.messageId())));
    }

    @Test
    void concurrentFlagChangesMergePerFlagWithModseqAboveBothSides() {
        a.append("INBOX", msg("m"), Set.of("\\Draft", "keep"), Instant.now());
        r.pull(1, 0);
        a.store("INBOX", List.of(1L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Seen")), OptionalLong.empty());
        a.store("INBOX", List.of(1L), new FlagChange(FlagChange.Mode.REMOVE, Set.of("\\Draft")), OptionalLong.empty());
        b.store("INBOX", List.of(1L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Flagged")), OptionalLong.empty());
        for (int i = 0; i < 4; i++) b.append("INBOX", msg("n" + i), Set.of(), Instant.now());
        long hmsA = a.snapshot("INBOX").mailbox().highestModseq(), hmsB = b.snapshot("INBOX").mailbox().highestModseq();
        exchange();
        MessageEntry m = a.snapshot("INBOX").byUid(1).orElseThrow();
        assertEquals(Set.of("\\Flagged", "\\Seen", "keep"), m.flags());
        assertTrue(m.modseq() > Math.max(hmsA, hmsB), "a merged change gets a modseq above both sides: " + m.modseq());
        assertTrue(a.snapshot("INBOX").mailbox().highestModseq() >= m.modseq());
    }

    @Test
    void expungeBeatsAConcurrentFlagChange() {
        a.append("INBOX", msg("m"), Set.of(), Instant.now());
        r.pull(1, 0);
        a.store("INBOX", List.of(1L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), OptionalLong.empty());
        assertEquals(List.of(1L), a.expunge("INBOX", Optional.empty()));
        b.store("INBOX", List.of(1L), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Flagged")), OptionalLong.empty());
        long hmsB = b.snapshot("INBOX").mailbox().highestModseq();
        exchange();
        assertTrue(b.snapshot("INBOX").messages().isEmpty());
        assertTrue(b.vanishedSince("INBOX", hmsB).contains(1L), "b's clients hear of the expunge made on a");
    }

    @Test
    void twoConcurrentMovesOfOneMessageLeaveItInExactlyOneMailbox() {
        Appended m = a.append("INBOX", msg("m"), Set.of(), Instant.now());
        r.pull(1, 0);
        a.move("INBOX", List.of(1L), "Archive");
        b.move("INBOX", List.of(1L), "Trash");
        exchange();
        r.repair(0);
        r.repair(1);
        r.settle(4);
        for (DatabaseUserMail x : r.mails) {
            long places = x.mailboxes().stream().flatMap(i -> x.snapshot(i.name()).messages().stream())
                    .filter(e -> e.id().equals(m.messageId())).count();
            assertEquals(1, places, "in exactly one mailbox");
            assertTrue(x.snapshot("INBOX").messages().isEmpty());
        }
        boolean inArchive = a.snapshot("Archive").messages().size() == 1;
        long lostUid = (inArchive ? b : a).snapshot(inArchive ? "Archive" : "Trash").mailbox().uidNext() - 1;
        String lostBox = inArchive ? "Trash" : "Archive";
        assertTrue(a.vanishedSince(lostBox, 0).contains(lostUid), "the losing move's UID is reported vanished in " + lostBox);
    }

    @Test
    void mailDeliveredIntoAMailboxDeletedElsewhereIsMovedToRecovered() {
        a.create("Lists", Optional.empty());
        r.pull(1, 0);
        a.delete("Lists");
        Appended m = b.append("Lists", msg("late"), Set.of("\\Seen"), Instant.now());
        exchange();
        assertTrue(a.mailbox("Lists").isEmpty(), "the delete wins for the mailbox");
        r.repair(0);
        r.repair(1);
        assertTrue(r.settle(4), "replicas converge: " + r.heads());
        for (DatabaseUserMail x : r.mails) {
            MailboxSnapshot s = x.snapshot("Recovered");
            assertEquals(List.of(m.messageId()), s.messages().stream().map(MessageEntry::id).toList());
            assertEquals(Set.of("\\Seen"), s.messages().get(0).flags());
            assertEquals("recovered", s.mailbox().id());
        }
        assertEquals(a.snapshot("Recovered").mailbox(), b.snapshot("Recovered").mailbox());
    }

    @Test
    void concurrentCreatesOfOneNameEndWithOneMailboxPerNameAlikeEverywhere() {
        a.create("Projects", Optional.empty());
        b.create("Projects", Optional.empty());
        a.append("Projects", msg("pa"), Set.of(), Instant.now());
        b.append("Projects", msg("pb"), Set.of(), Instant.now());
        exchange();
        r.repair(0);
        r.repair(1);
        assertTrue(r.settle(4));
        List<String> names = a.mailboxes().stream().map(MailboxInfo::name).filter(n -> n.startsWith("Projects")).toList();
        assertEquals(2, names.size(), "both kept, one renamed: " + names);
        assertFalse(names.get(0).equals(names.get(1)));
        assertEquals(a.mailboxes(), b.mailboxes());
    }

    @Test
    void anExpungeMergedInIsVanishedAboveTheOtherSidesHighestModseq() {
        a.append("INBOX", msg("m"), Set.of("\\Deleted"), Instant.now());
        r.pull(1, 0);
        a.expunge("INBOX", Optional.empty());
        for (int i = 0; i < 5; i++) b.append("INBOX", msg("b" + i), Set.of(), Instant.now());
        long hmsB = b.snapshot("INBOX").mailbox().highestModseq();
        assertTrue(hmsB > a.snapshot("INBOX").mailbox().highestModseq());
        r.pull(1, 0);
        assertEquals(List.of(1L), b.vanishedSince("INBOX", hmsB));
    }

    private static long uidOf(MailboxSnapshot s, String id) {
        return s.messages().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().uid();
    }
}
