package io.quire.mail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.app.MailNode;
import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.ImportedMessage;
import io.quire.mail.maildir.MaildirReader;
import io.quire.mail.maildir.MaildirWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI command classes against a running node: a Maildir++ tree imported and exported again
 * keeps its folders, messages, flags, keywords, internal dates and subscriptions; an mbox import
 * lands in the named mailbox.
 */
class MaildirRoundTripIT {
    static final String USER = "alice@example.org";

    @TempDir
    static Path dir;
    static MailNode node;

    @BeforeAll
    static void start() throws Exception {
        node = MailNode.start(dir);
        assertEquals(201, node.createUser(USER, "pw").statusCode());
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    String[] target(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", node.url(), "--token", MailNode.TOKEN));
        return all.toArray(String[]::new);
    }

    static ImportedMessage msg(String folder, int n, Instant date, String... flags) {
        String raw = "From: sender" + n + "@remote.test\nTo: " + USER + "\nSubject: message " + n + " in " + folder
                + "\nMessage-ID: <" + n + "@remote.test>\n\nbody of message " + n + "\n.\nlast line\n";
        return ImportedMessage.of(folder, raw.getBytes(StandardCharsets.UTF_8), Set.of(flags), date);
    }

    @Test
    void importThenExportShouldKeepFoldersFlagsDatesAndSubscriptions() throws Exception {
        Path source = dir.resolve("source");
        Instant t = Instant.parse("2021-03-04T05:06:07Z");
        try (MaildirWriter w = MaildirWriter.create(source, MaildirWriter.Options.defaults())) {
            w.write(msg("INBOX", 1, t, "\\Seen"));
            w.write(msg("INBOX", 2, t.plusSeconds(60), "\\Seen", "\\Answered", "\\Flagged", "$Forwarded"));
            w.write(msg("INBOX", 3, t.plusSeconds(120)));
            w.write(msg("Archive/2024", 4, t.minusSeconds(86_400), "\\Seen", "$Label1", "Work"));
            w.write(msg("Archive/2024", 5, t.minusSeconds(3_600), "\\Draft"));
            w.write(msg("Notes", 6, t.plusSeconds(5), "\\Seen", "\\Deleted"));
            w.createFolder("Empty", OptionalLong.empty(), OptionalLong.empty());
            w.subscribe("Archive/2024");
            w.subscribe("Notes");
        }
        var imported = CliErrorsTest.run(new ImportMaildirCommand(), target(USER, source.toString()));
        assertEquals(0, imported.exit(), imported.toString());
        assertTrue(imported.out().contains("imported 6 messages into 4 folders of " + USER), imported.out());

        Path exported = dir.resolve("exported");
        var export = CliErrorsTest.run(new ExportMaildirCommand(), target(USER, exported.toString()));
        assertEquals(0, export.exit(), export.toString());
        assertTrue(export.out().contains("Archive/2024: 2 messages"), export.out());

        Map<String, List<ImportedMessage>> before = read(source);
        Map<String, List<ImportedMessage>> after = read(exported);
        for (var e : before.entrySet()) {
            List<ImportedMessage> got = after.get(e.getKey());
            assertEquals(e.getValue().size(), got == null ? -1 : got.size(), "folder " + e.getKey() + " in " + after.keySet());
            for (int i = 0; i < got.size(); i++) {
                ImportedMessage want = e.getValue().get(i);
                assertArrayEquals(want.raw(), got.get(i).raw(), e.getKey() + " #" + i);
                assertEquals(want.flags(), got.get(i).flags(), e.getKey() + " #" + i);
                assertEquals(want.internalDate(), got.get(i).internalDate(), e.getKey() + " #" + i);
                assertTrue(got.get(i).uid().isPresent(), "exported messages carry their UID in dovecot-uidlist");
            }
        }
        assertTrue(MaildirReader.open(exported).subscriptions().containsAll(Set.of("Archive/2024", "Notes")));
        var again = CliErrorsTest.run(new ExportMaildirCommand(), target(USER, exported.toString()));
        assertEquals(1, again.exit(), "a second export into the same directory is refused");
        assertTrue(again.err().contains("is not empty"), again.err());
    }

    @Test
    void sourceUidsShouldBeKeptAcrossBatchesWhenTheMailboxIsNew() throws Exception {
        Path source = dir.resolve("uids-source");
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        int count = BatchUploader.MAX_MESSAGES * 2 + 50; // three batches
        List<Long> uids = new ArrayList<>();
        try (MaildirWriter w = MaildirWriter.create(source, MaildirWriter.Options.defaults())) {
            w.createFolder("Kept", OptionalLong.of(4242), OptionalLong.of(5000));
            for (int i = 0; i < count; i++) {
                long uid = 10 + 3L * i; // gaps, as expunges leave them
                uids.add(uid);
                w.write(msg("Kept", 1000 + i, t.plusSeconds(i), "\\Seen").withUid(uid, 4242));
            }
        }
        var r = CliErrorsTest.run(new ImportMaildirCommand(), target(USER, source.toString()));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("kept the source UID of " + count + " of " + count + " messages\n"), r.out());
        assertEquals(uids, node.messages(USER, "Kept").stream().map(MailNode.Stored::uid).toList());
        var box = mailbox("Kept");
        assertEquals(4242, box.path("uidValidity").asLong());
        assertEquals(5000, box.path("uidNext").asLong(), "UIDNEXT from the uidlist header, above every imported UID");
    }

    @Test
    void aMailboxThatAlreadyHoldsMailShouldGiveImportedMessagesFreshUids() throws Exception {
        Path first = dir.resolve("held-first");
        try (MaildirWriter w = MaildirWriter.create(first, MaildirWriter.Options.defaults())) {
            w.write(msg("Held", 1, Instant.parse("2020-01-01T00:00:00Z"), "\\Seen"));
        }
        assertEquals(0, CliErrorsTest.run(new ImportMaildirCommand(), target(USER, first.toString())).exit());
        long validity = mailbox("Held").path("uidValidity").asLong();
        Path second = dir.resolve("held-second");
        try (MaildirWriter w = MaildirWriter.create(second, MaildirWriter.Options.defaults())) {
            w.createFolder("Held", OptionalLong.of(77), OptionalLong.of(900));
            for (int i = 0; i < 3; i++) w.write(msg("Held", 2 + i, Instant.parse("2020-01-02T00:00:00Z"), "$Label1").withUid(500 + i, 77));
        }
        var r = CliErrorsTest.run(new ImportMaildirCommand(), target(USER, second.toString()));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("kept the source UID of 0 of 3 messages (the others went into mailboxes that already held mail"), r.out());
        assertEquals(List.of(1L, 2L, 3L, 4L), node.messages(USER, "Held").stream().map(MailNode.Stored::uid).toList(),
                "fresh UIDs after the existing message, in source order");
        assertEquals(validity, mailbox("Held").path("uidValidity").asLong(), "UIDVALIDITY unchanged");
        assertEquals(5, mailbox("Held").path("uidNext").asLong(), "the source's UIDNEXT does not apply to another UIDVALIDITY");
    }

    static com.fasterxml.jackson.databind.JsonNode mailbox(String name) {
        for (var m : MailNode.json(node.get("/api/v1/mail/users/" + USER + "/mailboxes").body()).path("mailboxes"))
            if (m.path("name").asText().equals(name)) return m;
        throw new AssertionError("no mailbox " + name);
    }

    @Test
    void importMboxShouldFillTheNamedMailbox() {
        Path mbox = io.quire.mail.maildir.Fixtures.CORPUS.resolve("mail-gem/mail-gem-fixtures.mbox");
        var r = CliErrorsTest.run(new ImportMboxCommand(), target(USER, mbox.toString(), "--mailbox", "Lists/gem"));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("imported 103 messages into " + USER + "/Lists/gem"), r.out());
        assertEquals(103, node.messages(USER, "Lists/gem").size());
    }

    @Test
    void anUnknownUserShouldBeNamed() {
        var r = CliErrorsTest.run(new ExportMaildirCommand(), target("nobody@example.org", dir.resolve("none").toString()));
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no mail user named 'nobody@example.org'"), r.err());
    }

    /** A tree's messages by folder, in the reader's order (UID where known, else file name: delivery time). */
    static Map<String, List<ImportedMessage>> read(Path root) throws Exception {
        Map<String, List<ImportedMessage>> out = new LinkedHashMap<>();
        MaildirReader reader = MaildirReader.open(root);
        reader.folders().forEach(f -> out.put(f.name(), new ArrayList<>()));
        try (var s = reader.messages()) {
            s.forEach(r -> {
                if (r instanceof ImportResult.Imported i) out.get(i.message().folder()).add(i.message());
                else throw new AssertionError(r.toString());
            });
        }
        return out;
    }
}
