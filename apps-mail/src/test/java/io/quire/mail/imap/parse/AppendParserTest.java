package io.quire.mail.imap.parse;

import static io.quire.mail.imap.parse.Parsing.command;
import static io.quire.mail.imap.parse.Parsing.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.MailboxName;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppendParserTest {

    private static final String MESSAGE = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nSubject: afternoon meeting\r\n\r\nHello Joe\r\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void appendTakesFlagsDateAndALiteral() {
        Append a = (Append) command("A003 APPEND saved-messages (\\Seen) \"17-Jul-1996 02:44:25 -0700\" {"
                + MESSAGE.length() + "}\r\n" + MESSAGE);
        assertEquals(new Append(new MailboxName("saved-messages"), List.of(new Append.Message(List.of(Flag.SEEN),
                Optional.of(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7))), bytes(MESSAGE), false))), a);
    }

    @Test
    void flagsAndDateAreOptional() {
        Append a = (Append) command("a1 APPEND INBOX {5+}\r\nhello");
        assertEquals(new Append.Message(List.of(), Optional.empty(), bytes("hello"), false), a.messages().getFirst());
        Append b = (Append) command("a1 APPEND INBOX \" 7-Feb-1994 21:52:25 +0100\" {5}\r\nhello");
        assertEquals(OffsetDateTime.of(1994, 2, 7, 21, 52, 25, 0, ZoneOffset.ofHours(1)), b.messages().getFirst().internalDate().orElseThrow());
    }

    @Test
    void multiappendTakesSeveralMessages() {
        Append a = (Append) command("a1 APPEND Drafts (\\Draft) {3+}\r\none (\\Seen $Work) \"1-Jan-2024 00:00:00 +0000\" {3+}\r\ntwo {5+}\r\nthree");
        assertEquals(3, a.messages().size());
        assertEquals(List.of(Flag.SEEN, new Flag("$Work")), a.messages().get(1).flags());
        assertEquals(new Append.Message(List.of(), Optional.empty(), bytes("three"), false), a.messages().get(2));
    }

    @Test
    void literal8MayCarryNulButAPlainLiteralMayNot() {
        Append a = (Append) command("a1 APPEND INBOX ~{3}\r\na\0b");
        assertEquals(new Append.Message(List.of(), Optional.empty(), new byte[] {'a', 0, 'b'}, true), a.messages().getFirst());
        assertEquals("Message contains NUL; send it as literal8 (~{n})", error("a1 APPEND INBOX {3}\r\na\0b").message());
    }

    @Test
    void malformedAppendsAreBad() {
        assertEquals("APPEND needs the message as a literal", error("a1 APPEND INBOX \"1-Jan-2024 00:00:00 +0000\" \"hello\"").message());
        assertEquals("APPEND needs the message as a literal", error("a1 APPEND INBOX hello").message());
        assertEquals("Missing message literal", error("a1 APPEND INBOX (\\Seen)").message());
        assertEquals("Flag cannot be stored: \\Recent", error("a1 APPEND INBOX (\\Recent) {1}\r\nx").message());
        assertEquals("Invalid date: 31-Feb-2024", error("a1 APPEND INBOX \"31-Feb-2024 00:00:00 +0000\" {1}\r\nx").message());
        assertEquals("Invalid date-time, expected \"dd-Mon-yyyy hh:mm:ss +zzzz\": 1-Feb-2024",
                error("a1 APPEND INBOX \"1-Feb-2024\" {1}\r\nx").message());
        assertEquals("Invalid date-time, expected \"dd-Mon-yyyy hh:mm:ss +zzzz\": 1-Feb-2024 25:00:00 +0000",
                error("a1 APPEND INBOX \"1-Feb-2024 25:00:00 +0000\" {1}\r\nx").message());
        assertEquals("Invalid month in date: 1-Fev-2024", error("a1 APPEND INBOX \"1-Fev-2024 00:00:00 +0000\" {1}\r\nx").message());
    }
}
