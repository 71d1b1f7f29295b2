package io.quire.mail.imap.parse;

import static io.quire.mail.imap.parse.Parsing.command;
import static io.quire.mail.imap.parse.Parsing.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.mime.Partial;
import io.quire.mail.mime.Section;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchParserTest {

    private static List<FetchItem> items(String wire) {
        return ((Fetch) command("a1 FETCH 1 " + wire)).items();
    }

    private static FetchItem item(String wire) {
        List<FetchItem> items = items(wire);
        assertEquals(1, items.size(), items::toString);
        return items.getFirst();
    }

    private static FetchItem.BodySection body(Section section, boolean peek) {
        return new FetchItem.BodySection(section, Optional.empty(), peek);
    }

    @Test
    void macrosExpand() {
        assertEquals(FetchItem.ALL, items("ALL"));
        assertEquals(FetchItem.FAST, items("fast"));
        assertEquals(FetchItem.FULL, items("FULL"));
        assertEquals("ALL is a macro and cannot be in a list", error("a1 FETCH 1 (ALL)").message());
    }

    @Test
    void simpleItemsParseAloneOrInAList() {
        assertEquals(List.of(FetchItem.FLAGS, FetchItem.UID, FetchItem.ENVELOPE, FetchItem.BODYSTRUCTURE, FetchItem.BODY,
                        FetchItem.INTERNALDATE, FetchItem.RFC822_SIZE, new FetchItem.Rfc822(), new FetchItem.Rfc822Header(),
                        new FetchItem.Rfc822Text(), FetchItem.MODSEQ),
                items("(FLAGS uid ENVELOPE BODYSTRUCTURE BODY INTERNALDATE RFC822.SIZE RFC822 RFC822.HEADER RFC822.TEXT MODSEQ FLAGS)"));
        assertEquals(FetchItem.FLAGS, item("FLAGS"));
    }

    @Test
    void uidFetchAlwaysReturnsTheUid() {
        Fetch f = (Fetch) command("a1 UID FETCH 1:* FLAGS");
        assertEquals(new Fetch(true, SequenceSet.parse("1:*"), List.of(FetchItem.FLAGS, FetchItem.UID), OptionalLong.empty(), false), f);
    }

    @Test
    void bodySectionsParse() {
        assertEquals(body(Section.WHOLE, false), item("BODY[]"));
        assertEquals(body(Section.of(Section.Text.HEADER), true), item("BODY.PEEK[HEADER]"));
        assertEquals(body(Section.of(Section.Text.TEXT), false), item("body[text]"));
        assertEquals(body(Section.of(null, 1, 2, 3), false), item("BODY[1.2.3]"));
        assertEquals(body(Section.of(Section.Text.MIME, 4, 2), true), item("BODY.PEEK[4.2.MIME]"));
        assertEquals(body(Section.of(Section.Text.HEADER, 3), false), item("BODY[3.HEADER]"));
        assertEquals(new FetchItem.BodySection(Section.of(Section.Text.TEXT, 1), Optional.of(new Partial(0, 2048)), true),
                item("BODY.PEEK[1.TEXT]<0.2048>"));
    }

    @Test
    void headerFieldListsAreJoinedBackFromTheirTokens() {
        FetchItem.BodySection expected = new FetchItem.BodySection(
                Section.of(new Section.Text.HeaderFields(List.of("From", "To", "X-Spam"), false)),
                Optional.of(new Partial(10, 5)), true);
        assertEquals(expected, item("BODY.PEEK[HEADER.FIELDS (From To \"X-Spam\")]<10.5>"));
        assertEquals(List.of(FetchItem.UID, expected, FetchItem.FLAGS),
                items("(UID BODY.PEEK[HEADER.FIELDS (From To {6}\r\nX-Spam)]<10.5> FLAGS)"));
        assertEquals(body(Section.of(new Section.Text.HeaderFields(List.of("Subject"), true), 2), false),
                item("BODY[2.HEADER.FIELDS.NOT (Subject)]"));
    }

    @Test
    void binaryItemsTakeOnlyPartNumbers() {
        assertEquals(new FetchItem.Binary(List.of(1, 2), Optional.empty(), true), item("BINARY.PEEK[1.2]"));
        assertEquals(new FetchItem.Binary(List.of(), Optional.of(new Partial(0, 100)), false), item("BINARY[]<0.100>"));
        assertEquals(new FetchItem.BinarySize(List.of(3)), item("BINARY.SIZE[3]"));
        assertEquals("BINARY takes only part numbers: 1.HEADER", error("a1 FETCH 1 BINARY[1.HEADER]").message());
        assertEquals("BINARY.SIZE takes no partial range", error("a1 FETCH 1 BINARY.SIZE[1]<0.1>").message());
    }

    @Test
    void changedSinceAddsModseqAndVanishedNeedsUidFetch() {
        Fetch f = (Fetch) command("a1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345 VANISHED)");
        assertEquals(List.of(FetchItem.FLAGS, FetchItem.UID, FetchItem.MODSEQ), f.items());
        assertEquals(OptionalLong.of(12345), f.changedSince());
        assertEquals(true, f.vanished());
        assertEquals("VANISHED requires UID FETCH with CHANGEDSINCE",
                error("a1 FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)").message());
        assertEquals("VANISHED requires UID FETCH with CHANGEDSINCE", error("a1 UID FETCH 1:* FLAGS (VANISHED)").message());
        assertEquals("Unknown or repeated fetch modifier", error("a1 FETCH 1 FLAGS (CHANGEDSINCE 1 CHANGEDSINCE 2)").message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BODY[HEADER.FIELDS]|HEADER.FIELDS needs a list of header fields",
        "BODY[HEADER.FIELDS ()]|Missing header field name",
        "BODY[HEADER.FIELDS (A:B)]|Invalid header field name: A:B",
        "BODY[HEADER.FIELDS (From) x|Expected ']' after the header field list",
        "BODY[MIME]|MIME needs a part number",
        "BODY[0]|Invalid part number: 0",
        "BODY[01]|Invalid part number: 01",
        "BODY[1.]|Invalid section: 1.",
        "BODY[1..2]|Invalid section: 1..2",
        "BODY[FOO]|Invalid section: FOO",
        "BODY[1.TEXT (a)]|Unexpected header field list in section",
        "BODY[]<0.0>|Partial octet count must not be 0",
        "BODY[]<5>|Invalid partial range: <5>",
        "BODY[]<a.1>|Invalid partial range: <a.1>",
        "BODY[]<0.99999999999>|Invalid partial range: <0.99999999999>",
        "BODY.PEAK[]|Unknown fetch item: BODY.PEAK[]",
        "FLAGZ|Unknown fetch item: FLAGZ",
        "()|Empty fetch item list",
        "\"FLAGS\"|Expected fetch item as an atom",
    })
    void malformedItemsAreBadWithAReason(String items, String message) {
        assertEquals(message, error("a1 FETCH 1 " + items).message());
    }

    @Test
    void responseLabelsDropPeekAndKeepOnlyThePartialOrigin() {
        assertEquals("BODY[HEADER.FIELDS (From \"X]\")]<10>",
                ((FetchItem.BodySection) item("BODY.PEEK[HEADER.FIELDS (From \"X]\")]<10.5>")).responseLabel());
        assertEquals("BODY[]", ((FetchItem.BodySection) item("BODY[]")).responseLabel());
        assertEquals("BODY[1.2.MIME]", ((FetchItem.BodySection) item("BODY.PEEK[1.2.MIME]")).responseLabel());
        assertEquals("BINARY[1.2]<0>", ((FetchItem.Binary) item("BINARY.PEEK[1.2]<0.9>")).responseLabel());
        assertEquals("BINARY[]", ((FetchItem.Binary) item("BINARY[]")).responseLabel());
        assertEquals("BINARY.SIZE[3]", ((FetchItem.BinarySize) item("BINARY.SIZE[3]")).responseLabel());
    }

    @Test
    void missingItemsOrSetAreBad() {
        assertEquals("Missing fetch items", error("a1 FETCH 1").message());
        assertEquals("Missing sequence set", error("a1 FETCH").message());
        assertEquals("Invalid sequence set: 1:x", error("a1 FETCH 1:x FLAGS").message());
    }
}
