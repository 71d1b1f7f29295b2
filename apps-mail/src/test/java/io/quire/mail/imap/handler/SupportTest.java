package io.quire.mail.imap.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The small helpers handlers share: the body cache, base subjects for SORT, and VANISHED ranges. */
class SupportTest {
    @Test
    void theBodyCacheReadsEachBlobOnceAndStaysWithinItsBudget() {
        BodyCache cache = new BodyCache(100);
        AtomicInteger reads = new AtomicInteger();
        byte[] body = "Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII);
        var first = cache.get("b1", () -> {
            reads.incrementAndGet();
            return body;
        });
        assertSame(first, cache.get("b1", () -> {
            reads.incrementAndGet();
            return body;
        }));
        assertEquals(1, reads.get());
        for (int i = 0; i < 10; i++) {
            cache.get("other" + i, () -> body);
        }
        assertEquals(5, cache.size(), "17-octet bodies in a 100-octet budget");
        cache.get("huge", () -> new byte[1000]);
        assertEquals(5, cache.size(), "a body larger than the budget is not kept");
    }

    @Test
    void baseSubjectsDropReplyAndForwardMarkers() {
        assertEquals("MEETING", SortKeys.baseSubject("Re: Fwd: [list] Re:  meeting (fwd)"));
        assertEquals("HELLO THERE", SortKeys.baseSubject("hello   there"));
        assertEquals("REPORT", SortKeys.baseSubject("[Fwd: Report]"));
        assertEquals("[BRACKETS]", SortKeys.baseSubject("[brackets]"), "a subject that is only a blob is kept");
    }

    @Test
    void vanishedRangesAreTheAskedForUidsNoMessageHoldsComputedWithoutEnumerating() {
        MailboxSnapshot s = new MailboxSnapshot(new MailboxInfo("i", "INBOX", Optional.empty(), true, 1, 4_000_000_001L,
                1, 3, 0), "h", List.of(entry(3), entry(4), entry(10)));
        List<SequenceSet.Interval> asked = ((SequenceSet.Ranges) SequenceSet.parse("1:12,20:4000000000"))
                .resolve(4_000_000_000L);
        assertEquals("1:2,5:9,11:12,20:4000000000", VanishedUids.missing(asked, s).orElseThrow().format());
    }

    private static MessageEntry entry(long uid) {
        return new MessageEntry("m" + uid, uid, Set.of(), Instant.EPOCH, 1, 1, "b");
    }
}
