package io.quire.mail.mbox;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.ImportedMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MboxWriterTest {

    private static final Instant DATE = Instant.parse("2002-08-22T12:36:23Z");

    static String write(MboxWriter.Options options, ImportedMessage... messages) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var writer = MboxWriter.create(out, options)) {
            for (ImportedMessage m : messages) {
                writer.write(m);
            }
        }
        return out.toString(ISO_8859_1);
    }

    private static ImportedMessage message(String raw, Set<String> flags) {
        return ImportedMessage.of("INBOX", raw.getBytes(ISO_8859_1), flags, DATE);
    }

    @Test
    void messagesShouldBeFramedAndFromLinesQuotedMboxrdStyle() throws IOException {
        String mbox = write(MboxWriter.Options.defaults(),
                message("Return-Path: <alice@example.org>\nSubject: a\n\nFrom me\n>From you\nno newline", Set.of()),
                message("Subject: b\n\nbody\n", Set.of()));
        assertEquals("""
                From alice@example.org Thu Aug 22 12:36:23 2002
                Return-Path: <alice@example.org>
                Subject: a

                >From me
                >>From you
                no newline

                From MAILER-DAEMON Thu Aug 22 12:36:23 2002
                Subject: b

                body

                """, mbox);
    }

    @Test
    void mboxoShouldQuoteOnlyBareFromLines() throws IOException {
        String mbox = write(new MboxWriter.Options(MboxFormat.MBOXO, false),
                message("Subject: a\n\nFrom me\n>From you\n", Set.of()));
        assertEquals("From MAILER-DAEMON Thu Aug 22 12:36:23 2002\nSubject: a\n\n>From me\n>From you\n\n", mbox);
    }

    @Test
    void rewriteStatusShouldReplaceFlagFieldsAtTheEndOfTheHeader() throws IOException {
        String mbox = write(new MboxWriter.Options(MboxFormat.MBOXRD, true), message(
                "Subject: a\r\nStatus: O\r\nX-Keywords: old\r\n  continued\r\nTo: b\r\n\r\nStatus: body\r\n",
                Set.of("\\Seen", "\\Answered", "\\Flagged", "$Junk")));
        assertEquals("From MAILER-DAEMON Thu Aug 22 12:36:23 2002\nSubject: a\r\nTo: b\r\nStatus: RO\r\n"
                + "X-Status: AF\r\nX-Keywords: $Junk\r\n\r\nStatus: body\r\n\n", mbox);
    }

    @Test
    void writtenMessagesShouldReadBackIdenticallyWithFlagsFromRewrittenStatus() throws IOException {
        var originals = List.of(
                message("Subject: new\n\nx\n", Set.of("\\Recent")),
                message("Subject: seen\n\nFrom x\n", Set.of("\\Seen", "$Forwarded")),
                message("Subject: everything\n\n>>From y\n", Set.of("\\Answered", "\\Flagged", "\\Draft",
                        "\\Deleted", "\\Seen")),
                message("Subject: old\n\n\n\n", Set.of()));
        String mbox = write(new MboxWriter.Options(MboxFormat.MBOXRD, true), originals.toArray(ImportedMessage[]::new));
        var back = MboxReaderTest.messages(mbox);
        var flags = new ArrayList<Set<String>>();
        back.forEach(m -> flags.add(m.flags()));
        assertEquals(originals.stream().map(ImportedMessage::flags).toList(), flags);
        assertEquals(originals.stream().map(ImportedMessage::internalDate).toList(),
                back.stream().map(ImportedMessage::internalDate).toList());
    }

    @Test
    void corpusMessagesShouldReadBackByteForByteWithoutStatusRewrite() throws IOException {
        var originals = CorpusRoundTripTest.readMbox("mimekit/mimekit-messages.mbox", "INBOX");
        String mbox = write(MboxWriter.Options.defaults(), originals.toArray(ImportedMessage[]::new));
        var back = MboxReaderTest.read(mbox, MboxReader.Options.defaults()).stream()
                .map(r -> ((ImportResult.Imported) r).message()).toList();
        assertEquals(originals, back);
    }
}
