package io.quire.mail.imap.parse;

import static io.quire.mail.imap.parse.Parsing.command;
import static io.quire.mail.imap.parse.Parsing.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import io.quire.mail.imap.protocol.SequenceSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    @ParameterizedTest
    @CsvSource({
        "CAPABILITY, Capability", "NOOP, Noop", "LOGOUT, Logout", "STARTTLS, Starttls", "IDLE, Idle",
        "NAMESPACE, Namespace", "CHECK, Check", "CLOSE, Close", "UNSELECT, Unselect", "EXPUNGE, Expunge",
        "capability, Capability",
    })
    void commandsWithoutArgumentsParse(String name, String record) {
        assertEquals(record, command("a1 " + name).getClass().getSimpleName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOOP x", "CAPABILITY ()", "LOGOUT \"\"", "IDLE 1"})
    void commandsWithoutArgumentsRefuseArguments(String line) {
        ParseError e = error("a1 " + line);
        assertEquals(ResponseStatus.BAD, e.status());
        assertTrue(e.message().startsWith("Unexpected extra arguments"), e.message());
    }

    @Test
    void unknownCommandsAreBadWithTheirName() {
        ParseError e = error("a1 FROBNICATE x");
        assertEquals("Unknown command FROBNICATE", e.message());
        assertEquals("a1", e.tag().value());
        assertEquals(Optional.empty(), e.code());
    }

    @Test
    void uidOnlyPrefixesCommandsThatTakeUids() {
        assertEquals("UID cannot be used with SELECT", error("a1 UID SELECT INBOX").message());
        assertEquals("Missing command after UID", error("a1 UID").message());
        assertEquals(new UidExpunge(SequenceSet.parse("1:3,7")), command("a1 UID EXPUNGE 1:3,7"));
        assertEquals("Missing UID set", error("a1 UID EXPUNGE").message());
    }

    @Test
    void loginTakesTwoAstrings() {
        assertEquals(new Login("joe", "secret pass"), command("a1 LOGIN joe \"secret pass\""));
        assertEquals(new Login("joé", "p}w"), command("a1 LOGIN {4}\r\njo\u00c3\u00a9 {3+}\r\np}w"));
        assertEquals("Missing password", error("a1 LOGIN joe").message());
        assertEquals("Expected user name, found a list", error("a1 LOGIN (joe) x").message());
        assertEquals("Invalid character in user name; quote it", error("a1 LOGIN jo% x").message());
    }

    @Test
    void authenticateTakesAnOptionalBase64InitialResponse() {
        assertEquals(new Authenticate("PLAIN", Optional.empty()), command("a1 authenticate plain"));
        Authenticate ir = (Authenticate) command("a1 AUTHENTICATE PLAIN AGpvZQBwdw==");
        assertArrayEquals("\0joe\0pw".getBytes(StandardCharsets.US_ASCII), ir.initialResponse().orElseThrow());
        assertArrayEquals(new byte[0], ((Authenticate) command("a1 AUTHENTICATE EXTERNAL =")).initialResponse().orElseThrow());
        assertEquals("Initial response is not valid base64", error("a1 AUTHENTICATE PLAIN @@@").message());
    }

    @Test
    void enableUpperCasesAndDeduplicates() {
        assertEquals(new Enable(List.of("CONDSTORE", "UTF8=ACCEPT")), command("a1 ENABLE condstore UTF8=ACCEPT CONDSTORE"));
        assertEquals("Missing capability", error("a1 ENABLE").message());
    }

    @Test
    void idTakesPairsOrNil() {
        assertEquals(new Id(List.of()), command("a1 ID NIL"));
        assertEquals(new Id(List.of(new Id.Field("name", Optional.of("Thunderbird")), new Id.Field("version", Optional.empty()))),
                command("a1 ID (\"name\" \"Thunderbird\" \"version\" NIL)"));
        assertEquals("Missing ID field value", error("a1 ID (\"name\")").message());
        assertEquals("ID field repeated: Name", error("a1 ID (\"name\" \"a\" \"Name\" \"b\")").message());
        assertEquals("ID field name or value too long", error("a1 ID (\"" + "n".repeat(31) + "\" NIL)").message());
    }

    @Test
    void selectAndExamineTakeCondstoreAndQresync() {
        assertEquals(new Select(MailboxName.INBOX, false, Optional.empty()), command("a1 SELECT inbox"));
        assertEquals(new Examine(new MailboxName("Drafts"), true, Optional.empty()), command("a1 EXAMINE Drafts (CONDSTORE)"));
        // RFC 7162 §3.2.5.2 examples.
        Select s = (Select) command("A03 SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541))");
        assertEquals(new QResync(67890007, 90060115194045000L, Optional.of(SequenceSet.parse("41:211,214:541")),
                Optional.empty()), s.qresync().orElseThrow());
        Select m = (Select) command("B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 "
                + "(5000,7500,9000,9990:9999 15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))");
        assertEquals(SequenceSet.parse("5000,7500,9000,9990:9999"), m.qresync().orElseThrow().seqMatch().orElseThrow().sequenceNumbers());
        assertEquals("Unknown or repeated select parameter", error("a1 SELECT INBOX (CONDSTORE CONDSTORE)").message());
        assertEquals("Unknown or repeated select parameter", error("a1 SELECT INBOX (FOO)").message());
        assertEquals("Mod-sequence value must not be 0", error("a1 SELECT INBOX (QRESYNC (1 0))").message());
    }

    @Test
    void createStripsATrailingDelimiterAndTakesSpecialUse() {
        assertEquals(new Create(new MailboxName("Archive/2024"), List.of()), command("a1 CREATE Archive/2024/"));
        assertEquals(new Create(new MailboxName("Sent Items"), List.of("\\Sent")), command("a1 CREATE \"Sent Items\" (USE (\\Sent))"));
        assertEquals(new Create(new MailboxName("Entwürfe"), List.of()), command("a1 CREATE Entw&APw-rfe"));
        assertEquals(new Create(new MailboxName("Entwürfe"), List.of()),
                command("a1 CREATE \"Entw\u00c3\u00bcrfe\"", new ParseOptions(true)));
    }

    @Test
    void createRefusesUnsafeOrWildcardNamesWithNoCannot() {
        for (String name : List.of("\"a*\"", "a/../b", "/a", "a//b", "\"a%b\"")) {
            ParseError e = error("a1 CREATE " + name);
            assertEquals(ResponseStatus.NO, e.status(), name);
            assertEquals(Optional.of(ResponseCode.Plain.CANNOT), e.code(), name);
        }
        assertEquals(ResponseStatus.BAD, error("a1 CREATE &AGE-").status());
        assertEquals(ResponseStatus.BAD, error("a1 CREATE \"Entw\u00c3\u00bcrfe\"").status());
        assertEquals("Invalid special-use attribute: Sent", error("a1 CREATE x (USE (Sent))").message());
    }

    @Test
    void mailboxCommandsTakeOneOrTwoNames() {
        assertEquals(new Delete(new MailboxName("Old")), command("a1 DELETE Old"));
        assertEquals(new Subscribe(new MailboxName("[Gmail]/Sent")), command("a1 SUBSCRIBE [Gmail]/Sent"));
        assertEquals(new Unsubscribe(MailboxName.INBOX), command("a1 UNSUBSCRIBE {5}\r\niNbOx"));
        assertEquals(new Rename(new MailboxName("a"), new MailboxName("b/c")), command("a1 RENAME a b/c"));
        assertEquals(Optional.of(ResponseCode.Plain.CANNOT), error("a1 RENAME a \"b*\"").code());
        assertEquals("Missing new mailbox name", error("a1 RENAME a").message());
    }

    @Test
    void statusTakesItems() {
        assertEquals(new Status(MailboxName.INBOX, List.of(StatusItem.MESSAGES, StatusItem.UIDNEXT, StatusItem.HIGHESTMODSEQ)),
                command("a1 STATUS INBOX (messages UIDNEXT HIGHESTMODSEQ MESSAGES)"));
        assertEquals("Missing status item", error("a1 STATUS INBOX ()").message());
        assertEquals("Unknown status item: FOO", error("a1 STATUS INBOX (FOO)").message());
        assertEquals("Expected status items in parentheses", error("a1 STATUS INBOX MESSAGES").message());
    }

    @Test
    void copyAndMoveTakeASetAndATarget() {
        assertEquals(new Copy(false, SequenceSet.parse("2:4"), new MailboxName("Trash")), command("a1 COPY 2:4 Trash"));
        assertEquals(new Move(true, SequenceSet.parse("$"), new MailboxName("Archive")), command("a1 UID MOVE $ \"Archive\""));
        assertEquals("Invalid sequence set: 0:4", error("a1 COPY 0:4 Trash").message());
        assertInstanceOf(ParseError.class, Parsing.outcome("a1 MOVE 1", ParseOptions.DEFAULT));
    }
}
