package io.quire.mail.mbox;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.ImportedMessage;
import io.quire.mail.maildir.LineEnding;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MboxReaderTest {

    private static final Instant FALLBACK = Instant.parse("2020-01-01T00:00:00Z");

    static List<ImportResult> read(String mbox, MboxReader.Options options) {
        try (var reader = MboxReader.read(new ByteArrayInputStream(mbox.getBytes(ISO_8859_1)), "test.mbox",
                "inbox", options, FALLBACK)) {
            return reader.stream().toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<ImportedMessage> messages(String mbox) {
        return read(mbox, MboxReader.Options.defaults()).stream()
                .map(r -> assertInstanceOf(ImportResult.Imported.class, r).message()).toList();
    }

    private static String text(ImportedMessage m) {
        return new String(m.raw(), ISO_8859_1);
    }

    @Test
    void messagesShouldEndBeforeTheBlankLineThatPrecedesTheNextFromLine() {
        var all = messages("""
                From a@example.org Thu Aug 22 12:36:23 2002
                Subject: one

                body one
                From is not a separator here

                From b@example.org Fri Aug 23 01:02:03 2002
                Subject: two

                body two

                """);
        assertEquals(2, all.size());
        assertEquals("Subject: one\n\nbody one\nFrom is not a separator here\n", text(all.get(0)));
        assertEquals("Subject: two\n\nbody two\n", text(all.get(1)));
        assertEquals("INBOX", all.get(0).folder());
        assertEquals(Instant.parse("2002-08-22T12:36:23Z"), all.get(0).internalDate());
    }

    @Test
    void mboxrdShouldRemoveOneQuoteLevelAndMboxoNone() {
        String mbox = """
                From a@example.org Thu Aug 22 12:36:23 2002
                Subject: quoted

                >From the start
                >>From deeper
                > From not quoting
                """;
        assertEquals("Subject: quoted\n\nFrom the start\n>From deeper\n> From not quoting\n",
                text(messages(mbox).get(0)));
        var mboxo = read(mbox, new MboxReader.Options(MboxFormat.MBOXO, LineEnding.AS_IS, 1 << 20));
        assertEquals("Subject: quoted\n\n>From the start\n>>From deeper\n> From not quoting\n",
                text(((ImportResult.Imported) mboxo.get(0)).message()));
    }

    @Test
    void statusFieldsShouldBecomeFlagsAndStayInTheMessage() {
        var all = messages("""
                From a@example.org Thu Aug 22 12:36:23 2002
                Status: RO
                X-Status: AF
                X-Keywords: $Junk Work
                Subject: read

                x

                From a@example.org Thu Aug 22 12:36:23 2002
                Status: O
                X-Status: TD
                Subject: old, unread

                x

                From a@example.org Thu Aug 22 12:36:23 2002
                Subject: new

                x
                """);
        assertEquals(Set.of("\\Seen", "\\Answered", "\\Flagged", "$Junk", "Work"), all.get(0).flags());
        assertEquals(Set.of("\\Draft", "\\Deleted"), all.get(1).flags());
        assertEquals(Set.of("\\Recent"), all.get(2).flags());
        assertEquals(true, text(all.get(0)).startsWith("Status: RO\nX-Status: AF\n"));
    }

    @Test
    void textBeforeTheFirstFromLineShouldBeReportedAndSkipped() {
        var results = read("garbage\nmore\nFrom a@example.org Thu Aug 22 12:36:23 2002\nSubject: x\n\nx\n",
                MboxReader.Options.defaults());
        assertEquals(new ImportResult.Unreadable("test.mbox:1", "skipped 2 lines before the first From_ line"),
                results.get(0));
        assertEquals("Subject: x\n\nx\n", text(((ImportResult.Imported) results.get(1)).message()));
    }

    @Test
    void oversizedMessageShouldBeReportedAndTheNextOneRead() {
        var results = read("From a Thu Aug 22 12:36:23 2002\n" + "x".repeat(100) + "\n\nFrom b Thu Aug 22 12:36:23 2002\n"
                + "small\n", new MboxReader.Options(MboxFormat.MBOXRD, LineEnding.AS_IS, 50));
        assertInstanceOf(ImportResult.Unreadable.class, results.get(0));
        assertEquals("small\n", text(((ImportResult.Imported) results.get(1)).message()));
    }

    @Test
    void crlfOptionShouldNormaliseAndBlankCrlfSeparatorsBeRecognised() {
        var results = read("From a Thu Aug 22 12:36:23 2002\r\nSubject: x\r\n\r\nbody\r\n\r\n"
                + "From b Thu Aug 22 12:36:23 2002\nSubject: y\n\nbody\n",
                new MboxReader.Options(MboxFormat.MBOXRD, LineEnding.CRLF, 1 << 20));
        assertEquals("Subject: x\r\n\r\nbody\r\n", text(((ImportResult.Imported) results.get(0)).message()));
        assertEquals("Subject: y\r\n\r\nbody\r\n", text(((ImportResult.Imported) results.get(1)).message()));
    }

    @Test
    void dateShouldFallBackToTheDateFieldThenToTheGivenDefault() {
        var all = messages("""
                From a@example.org sometime
                Date: Tue, 14 Nov 2023 23:13:20 +0100 (CET)

                x

                From b@example.org
                Subject: no date anywhere

                x
                """);
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), all.get(0).internalDate());
        assertEquals(FALLBACK, all.get(1).internalDate());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "From a@b Thu Aug 22 12:36:23 2002|2002-08-22T12:36:23Z",
        "From exmh-workers-admin@redhat.com  Thu Aug 22 12:36:23 2002|2002-08-22T12:36:23Z",
        "From mail-gem@localhost Thu Jan  1 00:00:00 1970|1970-01-01T00:00:00Z",
        "From a@b Mon Jun  3 09:15 2019|2019-06-03T09:15:00Z",
        "From a@b Thu Aug 22 12:36:23 2002 +0200|2002-08-22T10:36:23Z",
        "From a@b Thu Aug 22 12:36:23 PDT 2002|2002-08-22T12:36:23Z",
        "From \"odd sender\"@b Thu Aug 22 12:36:23 2002|2002-08-22T12:36:23Z",
    })
    void fromLineDatesShouldParseInTheirCommonForms(String line, String instant) {
        assertEquals(Optional.of(Instant.parse(instant)), FromLine.date(line));
    }

    @Test
    void unparseableFromLineDateShouldBeEmpty() {
        assertEquals(Optional.empty(), FromLine.date("From a@b Thu Feb 30 12:36:23 2002"));
        assertEquals(Optional.empty(), FromLine.date("From a@b"));
    }
}
