package io.quire.mail.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads {@code src/test/resources/maildir/dovecot}, a hand-made tree in Dovecot's layout:
 *
 * <pre>
 * dovecot-uidlist   3 V1700000000 N5 …: UIDs 1, 2, 4 (3 was expunged); the entry for UID 2 has stale flags
 * dovecot-keywords  a = $Junk, b = Work
 * subscriptions     v2: INBOX, Archiv⇥Entw&amp;APw-rfe, Sent
 * cur/  …01:2,S  …02:2,FRSa  …05:2,Tb (not in the uidlist)  .hidden (skipped)
 * new/  …04 (→ \Recent)          tmp/  …99 (in progress, skipped)
 * .Archiv/  (empty)  .Archiv.Entw&amp;APw-rfe/ (own uidlist)  .Sent/ (P flag)  .&amp;ZeVnLIqe-/ (日本語)
 * .notafolder (a file, not a folder)
 * </pre>
 */
class DovecotFixtureTest {

    @TempDir
    Path dir;
    private MaildirReader reader;

    @BeforeEach
    void open() throws Exception {
        reader = MaildirReader.open(Fixtures.copyMaildir("/maildir/dovecot", dir));
    }

    private List<ImportedMessage> messages(String folder) {
        var f = reader.folders().stream().filter(x -> x.name().equals(folder)).findFirst().orElseThrow();
        return reader.messages(f).map(r -> ((ImportResult.Imported) r).message()).toList();
    }

    private static String subject(ImportedMessage m) {
        String text = new String(m.raw(), StandardCharsets.UTF_8);
        return text.lines().filter(l -> l.startsWith("Subject: ")).findFirst().orElseThrow().substring(9);
    }

    @Test
    void foldersShouldBeDecodedFromModifiedUtf7AndListedInboxFirst() {
        assertEquals(List.of("INBOX", "Archiv", "Archiv/Entwürfe", "Sent", "日本語"),
                reader.folders().stream().map(MaildirFolder::name).toList());
        assertEquals(OptionalLong.of(1700000000L), reader.folders().get(0).uidValidity());
        assertEquals(OptionalLong.of(5), reader.folders().get(0).uidNext());
        assertEquals(OptionalLong.empty(), reader.folders().get(1).uidValidity());
    }

    @Test
    void inboxShouldRecoverUidsFlagsKeywordsAndDates() {
        List<ImportedMessage> inbox = messages("INBOX");
        assertEquals(List.of("seen", "answered flagged junk", "new one", "deleted work, not in uidlist"),
                inbox.stream().map(DovecotFixtureTest::subject).toList());

        assertEquals(Set.of("\\Seen"), inbox.get(0).flags());
        assertEquals(OptionalLong.of(1), inbox.get(0).uid());
        assertEquals(OptionalLong.of(1700000000L), inbox.get(0).uidValidity());
        assertEquals(Instant.ofEpochSecond(1700000001L), inbox.get(0).internalDate());

        // The file name's flags win over the stale ones recorded in dovecot-uidlist.
        assertEquals(Set.of("\\Answered", "\\Flagged", "\\Seen", "$Junk"), inbox.get(1).flags());
        assertEquals(OptionalLong.of(2), inbox.get(1).uid());

        assertEquals(Set.of("\\Recent"), inbox.get(2).flags());
        assertEquals(OptionalLong.of(4), inbox.get(2).uid());

        assertEquals(Set.of("\\Deleted", "Work"), inbox.get(3).flags());
        assertEquals(OptionalLong.empty(), inbox.get(3).uid());
        assertEquals(OptionalLong.empty(), inbox.get(3).uidValidity());
    }

    @Test
    void subfoldersShouldCarryTheirOwnUidsAndPassedAsForwarded() {
        ImportedMessage draft = messages("Archiv/Entwürfe").get(0);
        assertEquals(Set.of("\\Draft", "\\Seen"), draft.flags());
        assertEquals(OptionalLong.of(1), draft.uid());
        assertEquals(OptionalLong.of(1700000100L), draft.uidValidity());

        assertEquals(Set.of("$Forwarded", "\\Seen"), messages("Sent").get(0).flags());
        assertEquals(Set.of(), messages("日本語").get(0).flags());
        assertTrue(messages("Archiv").isEmpty());
    }

    @Test
    void subscriptionsShouldBeReadFromTheVersion2File() {
        assertEquals(List.of("INBOX", "Archiv/Entwürfe", "Sent"), List.copyOf(reader.subscriptions()));
    }

    @Test
    void rawBytesShouldBeTheFileExactly() throws Exception {
        byte[] file = java.nio.file.Files.readAllBytes(dir.resolve("cur/1700000001.M1P100.host,S=60:2,S"));
        assertEquals(new String(file, StandardCharsets.UTF_8),
                new String(messages("INBOX").get(0).raw(), StandardCharsets.UTF_8));
    }

    @Test
    void unreadableFileShouldBeReportedAndTheRestStillRead() throws Exception {
        Path broken = dir.resolve("cur/1700000003.M3P100.host:2,S");
        java.nio.file.Files.createDirectory(broken); // a directory where a message file should be
        var results = reader.messages().toList();
        var unreadable = results.stream().filter(r -> r instanceof ImportResult.Unreadable).toList();
        assertEquals(1, unreadable.size(), results.toString());
        assertTrue(((ImportResult.Unreadable) unreadable.get(0)).source().endsWith("1700000003.M3P100.host:2,S"));
        assertEquals(7, results.size() - unreadable.size());
    }
}
