package io.quire.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Section numbering and extraction, on the RFC 2060 sample structure and small hand-written messages. */
class SectionsTest {

    private static final ParsedMessage RFC2060 = ParsedMessage.parse(Corpus.file("mimekit/messages/rfc2060.txt"));

    private static Section section(String spec) {
        String[] parts = spec.split("\\.");
        List<Integer> numbers = new java.util.ArrayList<>();
        Section.Text text = null;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].matches("\\d+")) {
                numbers.add(Integer.parseInt(parts[i]));
            } else {
                text = switch (String.join(".", Arrays.copyOfRange(parts, i, parts.length))) {
                    case "HEADER" -> Section.Text.HEADER;
                    case "TEXT" -> Section.Text.TEXT;
                    case "MIME" -> Section.Text.MIME;
                    default -> throw new IllegalArgumentException(spec);
                };
                break;
            }
        }
        return new Section(numbers, Optional.ofNullable(text));
    }

    private static String fetch(ParsedMessage m, String spec) {
        return m.section(section(spec)).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("<none>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3.1", "3.2", "4.1", "4.2.1", "4.2.2.1", "4.2.2.2"})
    void everyLeafOfTheRfc2060SampleHasItsOwnNumber(String part) {
        assertEquals("This part specifier should be: " + part + "\n", fetch(RFC2060, part));
    }

    @Test
    void messagePartsHaveHeaderAndText() {
        assertTrue(fetch(RFC2060, "3.HEADER").contains("Subject: This part specifier should be: 3\n"));
        assertTrue(fetch(RFC2060, "3.HEADER").endsWith("Content-Type: MULTIPART/MIXED; boundary=\"3.x\"\n\n"));
        assertTrue(fetch(RFC2060, "3.TEXT").startsWith("--3.x\nContent-Type: TEXT/PLAIN\n"));
        assertTrue(fetch(RFC2060, "3.TEXT").endsWith("--3.x--"));
        assertTrue(fetch(RFC2060, "3").startsWith("From: me@myself.com\n"));
        assertTrue(fetch(RFC2060, "4.2.HEADER").contains("Subject: This part specifier should be: 4.2\n"));
        assertTrue(fetch(RFC2060, "HEADER").contains("Subject: Sample message structure for IMAP part specifiers\n"));
        assertTrue(fetch(RFC2060, "TEXT").startsWith("--x\nContent-Type: TEXT/PLAIN\n"));
    }

    @Test
    void mimeIsThePartHeader() {
        assertEquals("Content-Type: APPLICATION/OCTET-STREAM\n\n", fetch(RFC2060, "3.2.MIME"));
        assertEquals("Content-Type: MULTIPART/ALTERNATIVE; boundary=\"4.2.2.x\"\n\n", fetch(RFC2060, "4.2.2.MIME"));
        assertEquals("Content-Type: IMAGE/GIF\n\n", fetch(RFC2060, "4.1.MIME"));
    }

    @Test
    void multipartsReturnTheirWholeBody() {
        assertTrue(fetch(RFC2060, "4").startsWith("--4.x\nContent-Type: IMAGE/GIF\n"));
        assertTrue(fetch(RFC2060, "4.2.2").startsWith("--4.2.2.x\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "1.1", "3.3", "4.2.3", "2.HEADER", "1.TEXT", "4.3.MIME", "4.2.2.1.1"})
    void missingSectionsAreEmpty(String part) {
        assertEquals("<none>", fetch(RFC2060, part));
    }

    @Test
    void aMessageThatIsNotMultipartHasOnePart() {
        ParsedMessage m = ParsedMessage.parse("Subject: x\r\nContent-Type: text/plain\r\n\r\nHello\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("Hello\r\n", fetch(m, "1"));
        assertEquals("Subject: x\r\nContent-Type: text/plain\r\n\r\n", fetch(m, "1.MIME"));
        assertEquals("Hello\r\n", fetch(m, "TEXT"));
        assertEquals("<none>", fetch(m, "2"));
    }

    @Test
    void theHeaderOfAMessageWithoutBodyHasNoBlankLine() {
        ParsedMessage m = ParsedMessage.parse("Subject: x\r\nFrom: a@b".getBytes(StandardCharsets.US_ASCII));
        assertEquals("Subject: x\r\nFrom: a@b", fetch(m, "HEADER"));
        assertEquals("", fetch(m, "TEXT"));
        assertEquals("Subject: x\r\n", new String(m.section(Section.of(
                new Section.Text.HeaderFields(List.of("subject"), false))).orElseThrow(), StandardCharsets.US_ASCII));
    }

    @Test
    void headerFieldsKeepFoldingAndOrderAndEndWithTheBlankLine() {
        String msg = "From: a@b\r\nSubject: one\r\n two\r\nTo: c@d\r\nX-Junk: 1\r\nsubject: again\r\n\r\nbody\r\n";
        ParsedMessage m = ParsedMessage.parse(msg.getBytes(StandardCharsets.US_ASCII));
        byte[] fields = m.section(Section.of(new Section.Text.HeaderFields(List.of("SUBJECT", "to"), false))).orElseThrow();
        assertEquals("Subject: one\r\n two\r\nTo: c@d\r\nsubject: again\r\n\r\n", new String(fields, StandardCharsets.US_ASCII));
        byte[] not = m.section(Section.of(new Section.Text.HeaderFields(List.of("Subject", "To"), true))).orElseThrow();
        assertEquals("From: a@b\r\nX-Junk: 1\r\n\r\n", new String(not, StandardCharsets.US_ASCII));
        byte[] none = m.section(Section.of(new Section.Text.HeaderFields(List.of("Cc"), false))).orElseThrow();
        assertEquals("\r\n", new String(none, StandardCharsets.US_ASCII));
    }

    @Test
    void partialRangesClipAtTheEnd() {
        ParsedMessage m = ParsedMessage.parse("Subject: x\r\n\r\n0123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals("234", new String(m.section(Section.of(Section.Text.TEXT), Optional.of(new Partial(2, 3))).orElseThrow(), StandardCharsets.US_ASCII));
        assertEquals("89", new String(m.section(Section.of(Section.Text.TEXT), Optional.of(new Partial(8, 100))).orElseThrow(), StandardCharsets.US_ASCII));
        assertEquals("", new String(m.section(Section.of(Section.Text.TEXT), Optional.of(new Partial(50, 1))).orElseThrow(), StandardCharsets.US_ASCII));
    }

    @Test
    void theBoundaryLineBreakBelongsToTheDelimiter() {
        String msg = "Content-Type: multipart/mixed; boundary=b\r\n\r\npreamble\r\n--b\r\n\r\none\r\n--b\r\n\r\ntwo\r\n\r\n--b--\r\nepilogue\r\n";
        ParsedMessage m = ParsedMessage.parse(msg.getBytes(StandardCharsets.US_ASCII));
        assertEquals("one", fetch(m, "1"));
        assertEquals("two\r\n", fetch(m, "2"));
        assertEquals("<none>", fetch(m, "3"));
    }

    @Test
    void similarBoundariesDoNotConfuseNesting() {
        String msg = "Content-Type: multipart/mixed; boundary=\"ab\"\r\n\r\n--ab\r\nContent-Type: multipart/alternative; boundary=\"abc\"\r\n\r\n"
                + "--abc\r\n\r\ninner1\r\n--abc\r\n\r\ninner2\r\n--abc--\r\n--ab\r\n\r\nouter2\r\n--ab--\r\n";
        ParsedMessage m = ParsedMessage.parse(msg.getBytes(StandardCharsets.US_ASCII));
        assertEquals("inner1", fetch(m, "1.1"));
        assertEquals("inner2", fetch(m, "1.2"));
        assertEquals("outer2", fetch(m, "2"));
    }

    @Test
    void aMissingCloseDelimiterEndsTheLastPartAtTheEnd() {
        String msg = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b\r\n\r\ntwo\r\n";
        ParsedMessage m = ParsedMessage.parse(msg.getBytes(StandardCharsets.US_ASCII));
        assertEquals("two\r\n", fetch(m, "2"));
    }
}
