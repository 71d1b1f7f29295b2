package io.quire.mail.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mailbox name rules, flags and ids of the mail model. */
class MailboxNameTest {
    @Test
    void inboxIsSpelledInboxWhateverTheCaseAlsoAsAParent() {
        assertEquals("INBOX", MailboxName.of("inbox").value());
        assertEquals("INBOX/Work", MailboxName.of("Inbox/Work").value());
        assertEquals("Inboxes", MailboxName.of("Inboxes").value());
        assertTrue(MailboxName.of("iNBOX").isInbox());
        assertFalse(MailboxName.of("INBOX/x").isInbox());
    }

    @Test
    void problemsAreNamed() {
        assertNotNull(MailboxName.problem("a//b"));
        assertNotNull(MailboxName.problem("a/.."));
        assertNotNull(MailboxName.problem("tab\there"));
        assertNotNull(MailboxName.problem("x".repeat(MailboxName.MAX_LENGTH + 1)));
        assertNull(MailboxName.problem("Ünïcødé/日本語 ok"));
    }

    @Test
    void superiorsAndRenamesFollowTheHierarchy() {
        MailboxName n = MailboxName.of("a/b/c");
        assertEquals(List.of(MailboxName.of("a"), MailboxName.of("a/b")), n.superiors());
        assertTrue(n.isInferiorOf(MailboxName.of("a")));
        assertFalse(MailboxName.of("ab").isInferiorOf(MailboxName.of("a")));
        assertEquals(MailboxName.of("x/b/c"), n.moved(MailboxName.of("a"), MailboxName.of("x")));
    }

    @Test
    void systemFlagsAreCanonicalAndRecentIsNeverStored() {
        assertEquals(Set.of("\\Seen", "\\Deleted", "$Label"), Flags.of(List.of("\\SEEN", "\\deleted", "\\Recent", "$Label", " ")));
        assertTrue(Flags.of(List.of("a", "b")) == Flags.of(List.of("b", "a")), "equal sets are shared");
    }

    @Test
    void messageIdsAreValidDocumentIdsAndDistinct() {
        MessageIds ids = new MessageIds("node-1");
        String a = ids.next(), b = ids.next();
        assertFalse(a.equals(b));
        assertNull(io.quire.sdk.DocumentId.problem("message", a));
        assertTrue(a.contains(".node1-"), a);
    }
}
