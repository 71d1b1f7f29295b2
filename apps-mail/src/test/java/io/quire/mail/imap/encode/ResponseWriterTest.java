package io.quire.mail.imap.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.protocol.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseWriterTest {

    private static String string(String value, boolean utf8) {
        return new ResponseWriter(utf8).string(value).toString();
    }

    @Test
    void elementsAreSeparatedBySingleSpaces() {
        ResponseWriter w = new ResponseWriter(false);
        w.untagged().number(12).atom("FETCH").openList().atom("FLAGS").flags(List.of(Flag.SEEN, new Flag("$Junk")))
                .atom("UID").number(4827313).closeList().crlf();
        assertEquals("* 12 FETCH (FLAGS (\\Seen $Junk) UID 4827313)\r\n", w.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "hello|\"hello\"",
        "''|\"\"",
        "say \"hi\"|\"say \\\"hi\\\"\"",
        "back\\slash|\"back\\\\slash\"",
    })
    void printableTextIsQuotedWithEscapes(String value, String expected) {
        assertEquals(expected, string(value == null ? "" : value, false));
    }

    @Test
    void lineBreaksNulAndLongTextBecomeLiterals() {
        assertEquals("{6}\r\na\r\nb c", string("a\r\nb c", false));
        assertEquals("{3}\r\na\nb", string("a\nb", false));
        assertEquals("{1025}\r\n" + "x".repeat(1025), string("x".repeat(1025), false));
        assertEquals("\"" + "x".repeat(1024) + "\"", string("x".repeat(1024), false));
    }

    @Test
    void eightBitTextIsALiteralUnlessUtf8IsAccepted() {
        assertEquals("{5}\r\ncafé", string("café", false));
        assertEquals("\"café\"", string("café", true));
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(true, new ResponseWriter(true).string(latin1).toString().startsWith("{4}\r\n"));
    }

    @Test
    void astringsAreAtomsWhenPossible() {
        assertEquals("INBOX", new ResponseWriter(false).astring("INBOX").toString());
        assertEquals("\"NIL\"", new ResponseWriter(false).astring("NIL").toString());
        assertEquals("\"a b\"", new ResponseWriter(false).astring("a b").toString());
        assertEquals("\"\"", new ResponseWriter(false).astring("").toString());
    }

    @Test
    void mailboxNamesUseTheSessionEncoding() {
        MailboxName name = new MailboxName("Entwürfe");
        assertEquals("\"Entw&APw-rfe\"", new ResponseWriter(false).mailbox(name).toString());
        assertEquals("\"Entwürfe\"", new ResponseWriter(true).mailbox(name).toString());
    }

    @Test
    void nilAndNstring() {
        assertEquals("NIL \"x\"", new ResponseWriter(false).nstring(Optional.empty()).nstring(Optional.of("x")).toString());
    }

    @Test
    void literal8IsForBinaryData() {
        assertEquals("~{3}\r\na\0b", new ResponseWriter(false).literal8(new byte[] {'a', 0, 'b'}).toString());
    }

    @Test
    void atomsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ResponseWriter(false).atom("a b"));
        assertEquals("\\Seen \\*", new ResponseWriter(false).atom("\\Seen").atom("\\*").toString());
    }

    @Test
    void responseTextIsSanitised() {
        assertEquals("a1 BAD bad  line ?", ResponseWriter.tagged(new Tag("a1"), ResponseStatus.BAD, Optional.empty(),
                "bad\r\nline é", false).toString().trim());
        assertEquals("a1 NO naïve\r\n", ResponseWriter.tagged(new Tag("a1"), ResponseStatus.NO, Optional.empty(),
                "naïve", true).toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UIDVALIDITY|* OK [UIDVALIDITY 3857529045] UIDs valid",
        "UIDNEXT|* OK [UIDNEXT 4392] Predicted next UID",
        "HIGHESTMODSEQ|* OK [HIGHESTMODSEQ 715194045007] Highest",
        "APPENDUID|* OK [APPENDUID 38505 3955] APPEND completed",
        "COPYUID|* OK [COPYUID 38505 304,319:320 3956:3958] Done",
        "PERMANENTFLAGS|* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
        "CAPABILITY|* OK [CAPABILITY IMAP4rev1 LITERAL+ ID] Ready",
        "NOMODSEQ|* OK [NOMODSEQ] Sorry",
        "CLOSED|* OK [CLOSED] Previous mailbox closed",
        "ALERT|* OK [ALERT] System shutdown in 10 minutes",
        "TRYCREATE|* OK [TRYCREATE] No such mailbox",
        "NONEXISTENT|* OK [NONEXISTENT] Unknown mailbox",
        "ALREADYEXISTS|* OK [ALREADYEXISTS] Mailbox exists",
        "LIMIT|* OK [LIMIT] Too many",
        "READ-ONLY|* OK [READ-ONLY] EXAMINE completed",
        "BADCHARSET|* OK [BADCHARSET (US-ASCII UTF-8)] Unsupported",
        "MODIFIED|* OK [MODIFIED 7,9] Conditional STORE failed",
        "X-FOO|* OK [X-FOO some text)] Other",
    })
    void responseCodesAreWrittenAsTheRfcsShowThem(String atom, String expected) {
        ResponseCode code = switch (atom) {
            case "UIDVALIDITY" -> new ResponseCode.UidValidity(3857529045L);
            case "UIDNEXT" -> new ResponseCode.UidNext(4392);
            case "HIGHESTMODSEQ" -> new ResponseCode.HighestModSeq(715194045007L);
            case "APPENDUID" -> new ResponseCode.AppendUid(38505, UidSetEncoder.compact(3955));
            case "COPYUID" -> new ResponseCode.CopyUid(38505, UidSetEncoder.inOrder(304, 319, 320),
                    UidSetEncoder.inOrder(3956, 3957, 3958));
            case "PERMANENTFLAGS" -> new ResponseCode.PermanentFlags(List.of(Flag.DELETED, Flag.SEEN), true);
            case "CAPABILITY" -> new ResponseCode.Capability(List.of("IMAP4rev1", "LITERAL+", "ID"));
            case "BADCHARSET" -> new ResponseCode.BadCharset(List.of("US-ASCII", "UTF-8"));
            case "MODIFIED" -> new ResponseCode.Modified(SequenceSet.parse("7,9"));
            case "X-FOO" -> new ResponseCode.Other("X-FOO", Optional.of("some text]"));
            default -> java.util.Arrays.stream(ResponseCode.Plain.values()).filter(p -> p.atom().equals(atom))
                    .findFirst().orElseThrow();
        };
        String text = expected.substring(expected.indexOf(']') + 2);
        if (atom.equals("X-FOO")) {
            text = "Other";
        }
        assertEquals(expected + "\r\n",
                ResponseWriter.untagged(ResponseStatus.OK, Optional.of(code), text, false).toString(StandardCharsets.UTF_8));
    }

    @Test
    void internalDatesUseTheDateTimeForm() {
        assertEquals("\"17-Jul-1996 02:44:25 -0700\" \" 7-Feb-1994 21:52:25 +0100\"", new ResponseWriter(false)
                .dateTime(java.time.OffsetDateTime.parse("1996-07-17T02:44:25-07:00"))
                .dateTime(java.time.OffsetDateTime.parse("1994-02-07T21:52:25+01:00")).toString());
    }

    @Test
    void continuationRequests() {
        assertEquals("+ Ready for literal data\r\n", new ResponseWriter(false).continuation().text("Ready for literal data")
                .crlf().toString());
        assertEquals("+ \r\n", new ResponseWriter(false).continuation().crlf().toString());
    }
}
