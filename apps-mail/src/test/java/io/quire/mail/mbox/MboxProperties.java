package io.quire.mail.mbox;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.maildir.ImportedMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** mboxrd writing and reading are inverse for every message that ends with a line end. */
class MboxProperties {

    @Provide
    Arbitrary<List<ImportedMessage>> mailboxes() {
        // A tiny line vocabulary, so separator look-alikes and blank lines collide often.
        Arbitrary<String> line = Arbitraries.of("From a@b Thu Aug 22 12:36:23 2002", "From ", ">From x", ">>From y",
                "From", "", "Subject: s", "Status: RO", "text", " From indented", ">", "\r");
        Arbitrary<String> eol = Arbitraries.of("\n", "\r\n");
        Arbitrary<String> body = Combinators.combine(line.list().ofMaxSize(12), eol)
                .as((lines, e) -> lines.stream().map(l -> l + e).reduce("", String::concat));
        Arbitrary<Instant> date = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<ImportedMessage> message = Combinators.combine(body, date)
                .as((b, d) -> ImportedMessage.of("INBOX", b.getBytes(ISO_8859_1), Set.of(), d));
        return message.list().ofMaxSize(6);
    }

    @Property(tries = 400)
    void readingShouldInvertWriting(@ForAll("mailboxes") List<ImportedMessage> messages) throws IOException {
        String mbox = MboxWriterTest.write(MboxWriter.Options.defaults(), messages.toArray(ImportedMessage[]::new));
        List<ImportedMessage> back = MboxReaderTest.messages(mbox);

        assertEquals(messages.size(), back.size(), mbox);
        for (int i = 0; i < messages.size(); i++) {
            assertEquals(new String(messages.get(i).raw(), ISO_8859_1), new String(back.get(i).raw(), ISO_8859_1));
            assertEquals(messages.get(i).internalDate(), back.get(i).internalDate());
        }
    }
}
