package io.quire.mail.mbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.maildir.Fixtures;
import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.ImportedMessage;
import io.quire.mail.maildir.LineEnding;
import io.quire.mail.maildir.MaildirReader;
import io.quire.mail.maildir.MaildirWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mbox → model → Maildir → model over the real corpus: same bytes, flags, dates, folders and UIDs. */
class CorpusRoundTripTest {

    /** Corpus mbox → folder, non-ASCII and nested names included. */
    private static final Map<String, String> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("spamassassin/easy-ham-1.mbox", "INBOX");
        SOURCES.put("mail-gem/mail-gem-fixtures.mbox", "Archiv/Entwürfe");
        SOURCES.put("mimekit/mimekit-messages.mbox", "日本語/Привет & Co");
    }

    private static final Map<String, Integer> COUNTS = Map.of("spamassassin/easy-ham-1.mbox", 2500,
            "mail-gem/mail-gem-fixtures.mbox", 103, "mimekit/mimekit-messages.mbox", 41);
    private static final long UIDVALIDITY = 1_234_567L;

    @TempDir
    Path dir;

    static List<ImportedMessage> readMbox(String corpusFile, String folder) throws IOException {
        try (var reader = MboxReader.open(Fixtures.corpus(corpusFile), folder, MboxReader.Options.defaults());
                Stream<ImportResult> results = reader.stream()) {
            var messages = new ArrayList<ImportedMessage>();
            results.forEach(r -> {
                if (!(r instanceof ImportResult.Imported imported)) {
                    throw new AssertionError(corpusFile + ": " + r);
                }
                messages.add(imported.message());
            });
            return messages;
        }
    }

    /** Gives message {@code i} a deterministic mix of flags and keywords, and UIDs in INBOX. */
    static ImportedMessage decorate(ImportedMessage m, int i) {
        var flags = new TreeSet<String>();
        if (i % 2 == 0) {
            flags.add(ImportedMessage.RECENT);
        }
        if (i % 7 == 0) {
            flags.add(ImportedMessage.SEEN);
        }
        if (i % 5 == 0) {
            flags.add(ImportedMessage.ANSWERED);
        }
        if (i % 11 == 0) {
            flags.add(ImportedMessage.FLAGGED);
        }
        if (i % 13 == 0) {
            flags.add(ImportedMessage.DELETED);
        }
        if (i % 17 == 0) {
            flags.add(ImportedMessage.DRAFT);
        }
        if (i % 3 == 0) {
            flags.add(ImportedMessage.FORWARDED);
        }
        if (i % 4 == 0) {
            flags.add("$Junk");
        }
        if (i % 6 == 0) {
            flags.add("Work");
        }
        var decorated = m.withFlags(flags);
        return m.folder().equals("INBOX") ? decorated.withUid(2L * i + 1, UIDVALIDITY) : decorated;
    }

    private static Comparator<ImportedMessage> stableOrder() {
        return Comparator.comparing(ImportedMessage::folder).thenComparing(m -> m.uid().orElse(0))
                .thenComparing(ImportedMessage::internalDate).thenComparing(m -> Arrays.hashCode(m.raw()))
                .thenComparing(m -> m.flags().toString());
    }

    @Test
    void corpusMboxesShouldSplitIntoTheKnownNumberOfMessages() throws IOException {
        for (var source : SOURCES.entrySet()) {
            assertEquals(COUNTS.get(source.getKey()), readMbox(source.getKey(), source.getValue()).size(),
                    source.getKey());
        }
    }

    @Test
    void mboxToMaildirAndBackShouldKeepBytesFlagsDatesFoldersAndUids() throws IOException {
        var expected = new ArrayList<ImportedMessage>();
        try (var writer = MaildirWriter.create(dir, MaildirWriter.Options.defaults())) {
            for (var source : SOURCES.entrySet()) {
                int i = 0;
                for (ImportedMessage m : readMbox(source.getKey(), source.getValue())) {
                    ImportedMessage decorated = decorate(m, i++);
                    writer.write(decorated);
                    expected.add(decorated);
                }
                writer.subscribe(source.getValue());
            }
            assertEquals(List.of(), writer.notes());
        }

        var reader = MaildirReader.open(dir);
        List<ImportedMessage> actual = reader.messages().map(r -> ((ImportResult.Imported) r).message()).toList();

        // Parents are not created: Maildir++ needs no directory for "Archiv" to hold "Archiv/Entwürfe".
        assertEquals(List.of("INBOX", "Archiv/Entwürfe", "日本語/Привет & Co"),
                reader.folders().stream().map(f -> f.name()).toList());
        assertEquals(Set.copyOf(SOURCES.values()), reader.subscriptions());
        assertEquals(expected.size(), actual.size());
        // INBOX comes back in UID order, exactly as written.
        assertEquals(expected.subList(0, 2500), actual.subList(0, 2500));
        assertEquals(expected.stream().sorted(stableOrder()).toList(), actual.stream().sorted(stableOrder()).toList());
        assertEquals(OptionalLong.of(UIDVALIDITY), reader.folders().get(0).uidValidity());
        assertEquals(OptionalLong.of(2 * 2499 + 2), reader.folders().get(0).uidNext());
    }

    @Test
    void emlFilesShouldSurviveMaildirRoundTripWithCrlfNormalisation() throws IOException {
        Path emails = Fixtures.corpus("mail-gem/emails");
        var expected = new ArrayList<ImportedMessage>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(emails)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (var writer = MaildirWriter.create(dir, new MaildirWriter.Options(LineEnding.LF, "test.host"))) {
            int i = 0;
            for (Path file : files) {
                String sub = emails.relativize(file.getParent()).toString();
                var m = ImportedMessage.of(sub.isEmpty() ? "mail-gem" : "mail-gem/" + sub, Files.readAllBytes(file),
                        Set.of(), Instant.ofEpochSecond(1_000_000_000L + i));
                m = decorate(m, i++);
                writer.write(m);
                expected.add(m);
            }
        }
        // Written with LF, read back as CRLF: equal to the original with CRLF line ends.
        List<ImportedMessage> actual = MaildirReader.open(dir, LineEnding.CRLF).messages()
                .map(r -> ((ImportResult.Imported) r).message()).toList();
        List<ImportedMessage> crlf = expected.stream().map(m -> new ImportedMessage(m.folder(),
                LineEnding.CRLF.apply(m.raw()), m.flags(), m.internalDate(), m.uid(), m.uidValidity())).toList();
        assertEquals(104, actual.size());
        assertEquals(crlf.stream().sorted(stableOrder()).toList(), actual.stream().sorted(stableOrder()).toList());
        assertTrue(actual.stream().allMatch(m -> m.folder().startsWith("mail-gem")));
    }
}
