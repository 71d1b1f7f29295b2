package io.quire.mail.imap.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailboxPatternTest {

    @ParameterizedTest
    @CsvSource({
        "*, INBOX, true", "*, a/b/c, true", "%, a, true", "%, a/b, false",
        "a/%, a/b, true", "a/%, a/b/c, false", "a/*, a/b/c, true", "a*c, abc, true", "a*c, ab, false",
        "a%c, a/c, false", "inbox, INBOX, true", "Inbox/%, INBOX/x, true", "INBOX, inbox2, false",
        "'', '', true", "a, A, false",
    })
    void matchesWithStarAndPercent(String pattern, String name, boolean expected) {
        assertEquals(expected, new MailboxPattern(pattern).matches(name));
    }

    @Test
    void hostilePatternsStayCheap() {
        MailboxPattern p = new MailboxPattern("*a".repeat(200) + "b");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> p.matches("a".repeat(500)));
    }

    @Test
    void theReferenceIsAPrefixExceptForInbox() {
        assertEquals("Archive/%", new MailboxPattern("%").relativeTo("Archive/").pattern());
        assertEquals("INBOX", new MailboxPattern("INBOX").relativeTo("Archive/").pattern());
        assertEquals("%", new MailboxPattern("%").relativeTo("").pattern());
    }
}
