package io.quire.mail.imap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.imap.encode.ResponseWriter;
import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.protocol.Tag;
import io.quire.mail.imap.session.FetchAttr;
import io.quire.mail.imap.session.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Response values written as the RFC 9051 §9 grammar wants them. */
class ResponseEncoderTest {
    private static String write(Response r, boolean utf8) {
        ResponseWriter w = new ResponseWriter(utf8);
        ResponseEncoder.write(w, r);
        return w.toString();
    }

    private static String write(Response r) {
        return write(r, false);
    }

    @Test
    void listEntriesQuoteTheDelimiterAndEncodeNames() {
        assertEquals("* LIST (\\HasNoChildren \\Sent) \"/\" \"Entw&APw-rfe\"\r\n", write(new Response.ListEntry(false,
                List.of("\\HasNoChildren", "\\Sent"), new MailboxName("Entwürfe"), List.of())));
        assertEquals("* LIST () \"/\" \"Entwürfe\"\r\n", write(new Response.ListEntry(false, List.of(),
                new MailboxName("Entwürfe"), List.of()), true));
        assertEquals("* LSUB () \"/\" \"a/b\" (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n", write(new Response.ListEntry(true,
                List.of(), new MailboxName("a/b"), List.of("SUBSCRIBED"))));
        assertEquals("* LIST (\\Noselect) \"/\" \"\"\r\n", write(new Response.ListRoot()));
    }

    @Test
    void fetchItemsUseLiteralsForBodiesAndLiteral8OnlyForNul() {
        String out = write(new Response.FetchResult(3, List.of(new FetchAttr.Uid(9),
                new FetchAttr.Flags(List.of(Flag.SEEN, new Flag("$Work"))),
                new FetchAttr.InternalDate(Instant.parse("2024-07-14T10:00:00Z")), new FetchAttr.Size(18),
                new FetchAttr.ModSeq(12), new FetchAttr.Section("BODY[HEADER]", Optional.of("ab".getBytes())),
                new FetchAttr.Section("BODY[9]", Optional.empty()),
                new FetchAttr.Binary("BINARY[1]", Optional.of(new byte[] {0, 1})),
                new FetchAttr.Binary("BINARY[2]", Optional.of("ok".getBytes())),
                new FetchAttr.BinarySize("BINARY.SIZE[1]", 2))));
        assertEquals("* 3 FETCH (UID 9 FLAGS (\\Seen $Work) INTERNALDATE \"14-Jul-2024 10:00:00 +0000\" RFC822.SIZE 18"
                + " MODSEQ (12) BODY[HEADER] {2}\r\nab BODY[9] NIL BINARY[1] ~{2}\r\n\0\1 BINARY[2] {2}\r\nok"
                + " BINARY.SIZE[1] 2)\r\n", out);
    }

    @Test
    void searchResultsAndEsearch() {
        assertEquals("* SEARCH 1 5 (MODSEQ 7)\r\n", write(new Response.SearchResult(List.of(1L, 5L), OptionalLong.of(7))));
        assertEquals("* SEARCH\r\n", write(new Response.SearchResult(List.of(), OptionalLong.empty())));
        assertEquals("* ESEARCH (TAG \"a1\") UID MIN 2 MAX 9 COUNT 3 ALL 2,5,9 MODSEQ 4\r\n", write(
                new Response.ESearchResult(new Tag("a1"), true, OptionalLong.of(2), OptionalLong.of(9),
                        OptionalLong.of(3), Optional.of(SequenceSet.parse("2,5,9")), OptionalLong.of(4))));
        assertEquals("* ESEARCH (TAG \"a2\") COUNT 0\r\n", write(new Response.ESearchResult(new Tag("a2"), false,
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(0), Optional.empty(), OptionalLong.empty())));
    }

    @Test
    void mailboxLevelResponses() {
        assertEquals("* VANISHED (EARLIER) 1:3,7\r\n", write(new Response.Vanished(true, SequenceSet.parse("1:3,7"))));
        assertEquals("* 4 EXPUNGE\r\n", write(new Response.Expunge(4)));
        assertEquals("* STATUS \"INBOX\" (MESSAGES 2 UIDNEXT 3)\r\n", write(new Response.StatusEntry(MailboxName.INBOX,
                List.of(new Response.StatusValue("MESSAGES", 2), new Response.StatusValue("UIDNEXT", 3)))));
        assertEquals("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n", write(new Response.Namespace("", '/')));
        assertEquals("* ENABLED\r\n", write(new Response.Enabled(List.of())));
        assertEquals("+ \r\n", write(new Response.Continuation("")));
        assertEquals("* BYE Caf? closed\r\n", write(Response.Condition.bye("Café closed")),
                "response text is ASCII without UTF8=ACCEPT");
        assertEquals("* BYE Café closed\r\n", new String(write(Response.Condition.bye("Café closed"), true)
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
