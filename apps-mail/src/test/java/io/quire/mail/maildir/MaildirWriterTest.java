package io.quire.mail.maildir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirWriterTest {

    private static final Instant DATE = Instant.parse("2023-11-14T22:13:20Z");

    @TempDir
    Path root;

    private static ImportedMessage message(String folder, String body, Set<String> flags) {
        return ImportedMessage.of(folder, ("Subject: " + body + "\n\n" + body + "\n").getBytes(UTF_8), flags, DATE);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesShouldBeNamedWithSortedInfoLettersAndDatedByInternalDate() throws IOException {
        Path file;
        try (var writer = MaildirWriter.create(root, new MaildirWriter.Options(LineEnding.AS_IS, "mx:1/a,b"))) {
            file = writer.write(message("INBOX", "one",
                    Set.of("\\Seen", "\\Flagged", "\\Answered", "$Forwarded", "\\Draft", "\\Deleted", "Work")));
        }
        String name = file.getFileName().toString();
        assertEquals(root.resolve("cur"), file.getParent());
        assertTrue(name.matches("1700000000\\.M0P\\d+Q1\\.mx\\\\0721\\\\057a\\\\054b,S=18:2,DFPRSTa"), name);
        assertEquals(DATE, Files.getLastModifiedTime(file).toInstant());
        assertEquals("0 Work\n", Files.readString(root.resolve(DovecotKeywords.FILE)));
        assertEquals(List.of(), names(root.resolve("tmp")));
        assertTrue(Files.notExists(root.resolve(DovecotUidList.FILE)), "no UIDVALIDITY known, no uidlist");
    }

    @Test
    void recentMessagesShouldGoToNewKeepingOtherFlags() throws IOException {
        try (var writer = MaildirWriter.create(root, MaildirWriter.Options.defaults())) {
            writer.write(message("INBOX", "fresh", Set.of("\\Recent")));
            writer.write(message("INBOX", "fresh but flagged", Set.of("\\Recent", "\\Flagged")));
        }
        List<String> news = names(root.resolve("new"));
        assertEquals(2, news.size());
        assertTrue(news.stream().anyMatch(n -> !n.contains(":")), news.toString());
        assertTrue(news.stream().anyMatch(n -> n.endsWith(":2,F")), news.toString());
        var read = MaildirReader.open(root).messages().map(r -> ((ImportResult.Imported) r).message()).toList();
        assertEquals(Set.of(Set.of("\\Recent"), Set.of("\\Recent", "\\Flagged")),
                Set.of(read.get(0).flags(), read.get(1).flags()));
    }

    @Test
    void foldersShouldBeMaildirPlusPlusDirectoriesWithMarkersAndSubscriptions() throws IOException {
        try (var writer = MaildirWriter.create(root, MaildirWriter.Options.defaults())) {
            writer.write(message("Archiv/Entwürfe", "draft", Set.of("\\Draft")));
            writer.createFolder("Leer", OptionalLong.of(42), OptionalLong.of(7));
            writer.subscribe("inbox");
            writer.subscribe("Archiv/Entwürfe");
        }
        assertTrue(Files.isDirectory(root.resolve(".Archiv.Entw&APw-rfe/cur")));
        assertTrue(Files.isRegularFile(root.resolve(".Archiv.Entw&APw-rfe/maildirfolder")));
        assertTrue(Files.isDirectory(root.resolve(".Leer/tmp")));
        assertEquals("3 V42 N7\n", Files.readString(root.resolve(".Leer/dovecot-uidlist")));
        assertEquals("V\t2\n\nINBOX\nArchiv\tEntw&APw-rfe\n", Files.readString(root.resolve("subscriptions")));
        assertTrue(Files.notExists(root.resolve("maildirfolder")), "the root is not a subfolder");
    }

    @Test
    void uidListShouldKeepKnownUidsAndNumberTheRestAbove() throws IOException {
        try (var writer = MaildirWriter.create(root, MaildirWriter.Options.defaults())) {
            writer.write(message("INBOX", "no uid", Set.of("\\Seen")));
            writer.write(message("INBOX", "uid 7", Set.of()).withUid(7, 99));
            writer.write(message("INBOX", "uid 3", Set.of()).withUid(3, 99));
            writer.write(message("INBOX", "uid 3 again", Set.of()).withUid(3, 99));
            writer.write(message("INBOX", "other validity", Set.of()).withUid(5, 100));
            assertEquals(2, writer.notes().size(), writer.notes().toString());
        }
        var lines = Files.readAllLines(root.resolve(DovecotUidList.FILE));
        assertEquals("3 V99 N11", lines.get(0));
        assertEquals(List.of("3", "7", "8", "9", "10"), lines.stream().skip(1).map(l -> l.split(" ")[0]).toList());
        var read = MaildirReader.open(root).messages().map(r -> ((ImportResult.Imported) r).message()).toList();
        assertEquals(List.of("uid 3", "uid 7", "no uid", "uid 3 again", "other validity"),
                read.stream().map(m -> new String(m.raw(), UTF_8).lines().findFirst().orElseThrow().substring(9))
                        .toList());
        assertEquals(OptionalLong.of(99), read.get(4).uidValidity());
    }

    @Test
    void unwritableNamesAndKeywordsShouldBeReportedNotLost() throws IOException {
        var keywords = new ArrayList<String>();
        for (int i = 0; i < 27; i++) {
            keywords.add("k" + i);
        }
        List<String> notes;
        try (var writer = MaildirWriter.create(root, MaildirWriter.Options.defaults())) {
            writer.write(message("Projects/v1.2", "dotted", Set.copyOf(keywords)));
            notes = writer.notes();
        }
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("Projects/v1\u20242"), notes.get(0));
        assertTrue(notes.get(1).contains("k9"), notes.get(1)); // sorted: k0, k1, k10 … k9 is the 27th
        var read = MaildirReader.open(root);
        assertEquals(List.of("INBOX", "Projects/v1\u20242"), read.folders().stream().map(MaildirFolder::name).toList());
    }
}
