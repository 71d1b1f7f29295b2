package io.quire.mail.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Writing a Maildir and reading it back gives the same messages, whatever their folders and flags. */
class MaildirProperties {

    /** Includes keywords that are not IMAP atoms, which the generator must filter out. */
    private static final List<String> FLAGS = List.of("\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft",
            "\\Recent", "$Forwarded", "$Junk", "Work", "Ärger-free", "a&b");

    @Provide
    Arbitrary<List<ImportedMessage>> messages() {
        Arbitrary<String> level = Arbitraries.of("INBOX", "Sent", "Entwürfe", "日本語", "Tom & Jerry", "a-b", "x");
        Arbitrary<String> folder = level.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
        Arbitrary<Set<String>> flags = Arbitraries.of(FLAGS)
                .filter(f -> f.startsWith("\\") || ImportedMessage.isValidKeyword(f)).set();
        Arbitrary<byte[]> raw = Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<Instant> date = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        return Combinators.combine(folder, raw, flags, date).as(ImportedMessage::of).list().ofMaxSize(8);
    }

    @Property(tries = 60)
    void readingShouldInvertWriting(@ForAll("messages") List<ImportedMessage> messages) throws IOException {
        Path root = Files.createTempDirectory("maildir");
        try {
            try (var writer = MaildirWriter.create(root, MaildirWriter.Options.defaults())) {
                for (ImportedMessage m : messages) {
                    writer.write(m);
                }
            }
            var back = MaildirReader.open(root).messages().map(r -> ((ImportResult.Imported) r).message()).toList();
            assertEquals(sorted(messages), sorted(back));
        } finally {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static List<String> sorted(List<ImportedMessage> messages) {
        var all = new ArrayList<String>();
        for (ImportedMessage m : messages) {
            all.add(m.folder() + "|" + new TreeSet<>(m.flags()) + "|" + m.internalDate() + "|"
                    + new String(m.raw(), StandardCharsets.UTF_8));
        }
        all.sort(null);
        return all;
    }
}
