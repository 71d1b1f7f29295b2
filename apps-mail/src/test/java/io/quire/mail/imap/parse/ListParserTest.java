package io.quire.mail.imap.parse;

import static io.quire.mail.imap.parse.Parsing.command;
import static io.quire.mail.imap.parse.Parsing.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.imap.protocol.MailboxPattern;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListParserTest {

    @Test
    void basicListTakesAReferenceAndOnePattern() {
        ListMailboxes l = (ListMailboxes) command("A101 LIST \"\" \"\"");
        assertEquals(new ListMailboxes("", List.of(new MailboxPattern("")), Set.of(), Set.of(), List.of(), false), l);
        ListMailboxes w = (ListMailboxes) command("A102 LIST #news.comp.mail.misc *");
        assertEquals("#news.comp.mail.misc", w.reference());
        assertEquals(List.of(new MailboxPattern("*")), w.patterns());
        assertFalse(w.extended());
        assertEquals(List.of(new MailboxPattern("Entwürfe/%")),
                ((ListMailboxes) command("a1 LIST \"\" Entw&APw-rfe/%")).patterns());
    }

    @Test
    void extendedListTakesSelectionPatternsAndReturnOptions() {
        // RFC 5258 §5 and RFC 5819 examples.
        ListMailboxes l = (ListMailboxes) command(
                "A02 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (\"%\" \"INBOX/*\") RETURN (CHILDREN STATUS (MESSAGES UNSEEN))");
        assertEquals(Set.of(ListSelection.SUBSCRIBED, ListSelection.RECURSIVEMATCH), l.selection());
        assertEquals(List.of(new MailboxPattern("%"), new MailboxPattern("INBOX/*")), l.patterns());
        assertEquals(Set.of(ListReturn.CHILDREN, ListReturn.STATUS), l.returns());
        assertEquals(List.of(StatusItem.MESSAGES, StatusItem.UNSEEN), l.statusItems());
        assertTrue(l.extended());
        ListMailboxes su = (ListMailboxes) command("t1 LIST (SPECIAL-USE) \"\" *");
        assertEquals(Set.of(ListSelection.SPECIAL_USE), su.selection());
        assertTrue(((ListMailboxes) command("t1 LIST \"\" % RETURN (SPECIAL-USE)")).returns().contains(ListReturn.SPECIAL_USE));
        assertTrue(((ListMailboxes) command("t1 LIST () \"\" %")).extended());
    }

    @Test
    void malformedListsAreBad() {
        assertEquals("RECURSIVEMATCH needs another selection option", error("a1 LIST (RECURSIVEMATCH) \"\" *").message());
        assertEquals("RECURSIVEMATCH needs another selection option", error("a1 LIST (REMOTE RECURSIVEMATCH) \"\" *").message());
        assertEquals("Unknown LIST selection option: FANCY", error("a1 LIST (FANCY) \"\" *").message());
        assertEquals("Unknown LIST return option: FANCY", error("a1 LIST \"\" * RETURN (FANCY)").message());
        assertEquals("Missing mailbox pattern", error("a1 LIST \"\"").message());
        assertEquals("Missing mailbox pattern", error("a1 LIST \"\" ()").message());
        assertEquals("Invalid character in mailbox pattern; quote it", error("a1 LIST \"\" a\\b").message());
        assertEquals("Missing status items", error("a1 LIST \"\" * RETURN (STATUS)").message());
    }

    @Test
    void lsubTakesAReferenceAndAPattern() {
        assertEquals(new Lsub("news/", new MailboxPattern("comp.%")), command("A002 LSUB \"news/\" \"comp.%\""));
        assertEquals("Unexpected extra arguments: b", error("a1 LSUB \"\" a b").message());
    }
}
