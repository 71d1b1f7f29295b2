package io.quire.mail.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session's view of a mailbox and the untagged responses its sync derives from store snapshots. */
class MailboxViewTest {
    private static final SyncPolicy PLAIN = new SyncPolicy(true, false, false);
    private static final SyncPolicy DURING_FETCH = new SyncPolicy(false, false, false);
    private static final SyncPolicy QRESYNC = new SyncPolicy(true, true, true);
    private static int heads;

    private static MessageEntry m(long uid, long modseq, String... flags) {
        return new MessageEntry("m" + uid, uid, Set.of(flags), Instant.EPOCH, modseq, 10, "blob" + uid);
    }

    private static MailboxSnapshot snapshot(MessageEntry... entries) {
        long uidNext = entries.length == 0 ? 1 : entries[entries.length - 1].uid() + 1;
        MailboxInfo info = new MailboxInfo("id1", "INBOX", Optional.empty(), true, 7, uidNext, 100, entries.length, 0);
        return new MailboxSnapshot(info, "h" + (++heads), List.of(entries));
    }

    private static MailboxView view(MessageEntry... entries) {
        return MailboxView.open(snapshot(entries), MailboxName.INBOX, false);
    }

    @Test
    void nothingChangedMeansNothingToSay() {
        MailboxView v = view(m(1, 1), m(2, 2));
        assertEquals(List.of(), v.sync(snapshot(m(1, 1), m(2, 2)), PLAIN));
    }

    @Test
    void expungesAreReportedHighestNumberFirstSoEachNumberIsValidWhenRead() {
        MailboxView v = view(m(1, 1), m(2, 2), m(3, 3), m(4, 4));
        assertEquals(List.of(new Response.Expunge(4), new Response.Expunge(2)), v.sync(snapshot(m(1, 1), m(3, 3)), PLAIN));
        assertEquals(2, v.size());
        assertEquals(3, v.entry(2).uid());
    }

    @Test
    void qresyncGetsOneVanishedInsteadOfExpunges() {
        MailboxView v = view(m(1, 1), m(2, 2), m(3, 3), m(5, 5));
        List<Response> out = v.sync(snapshot(m(3, 3)), QRESYNC);
        assertEquals(1, out.size());
        assertEquals("1:2,5", ((Response.Vanished) out.getFirst()).uids().format());
    }

    @Test
    void expungesWaitWhileFetchStoreOrSearchRunsButNewMessagesDoNot() {
        MailboxView v = view(m(1, 1), m(2, 2));
        List<Response> during = v.sync(snapshot(m(1, 1), m(3, 3)), DURING_FETCH);
        assertEquals(List.of(new Response.Exists(3)), during);
        assertTrue(v.isExpunged(2));
        assertEquals(2, v.msnOf(2), "message numbers stay as the client knows them");
        assertEquals(List.of(new Response.Expunge(2)), v.sync(snapshot(m(1, 1), m(3, 3)), PLAIN));
        assertEquals(2, v.msnOf(3));
        assertFalse(v.isExpunged(2));
    }

    @Test
    void aRenumberedUidIsAnExpungeAndAnExists() {
        MailboxView v = view(m(1, 1), m(2, 2));
        List<Response> out = v.sync(snapshot(m(2, 2), m(3, 9)), PLAIN);
        assertEquals(List.of(new Response.Expunge(1), new Response.Exists(2)), out);
        assertEquals(List.of(2L, 3L), v.all().stream().map(ViewMessage::uid).toList());
    }

    @Test
    void aUidBelowTheHighestKnownIsNeverInsertedInTheMiddle() {
        MailboxView v = view(m(1, 1), m(5, 5));
        assertEquals(List.of(), v.sync(snapshot(m(1, 1), m(3, 3), m(5, 5)), PLAIN),
                "message numbers could not stay consistent; the message shows on the next SELECT");
        assertEquals(2, v.size());
    }

    @Test
    void flagChangesAreFetchesWithUidAndModseqUnderCondstore() {
        MailboxView v = view(m(1, 1), m(2, 2));
        assertEquals(List.of(new Response.FetchResult(2, List.of(new FetchAttr.Flags(List.of(Flag.SEEN))))),
                v.sync(snapshot(m(1, 1), m(2, 3, "\\Seen")), PLAIN));
        assertEquals(List.of(new Response.FetchResult(1, List.of(new FetchAttr.Uid(1), new FetchAttr.Flags(List.of()),
                new FetchAttr.ModSeq(4)))), v.sync(snapshot(m(1, 4), m(2, 3, "\\Seen")), QRESYNC),
                "a modseq change alone is news to a CONDSTORE client");
    }

    @Test
    void whatTheClientWasToldIsNotRepeated() {
        MailboxView v = view(m(1, 1));
        v.remember(m(1, 2, "\\Flagged"));
        assertEquals(List.of(), v.sync(snapshot(m(1, 2, "\\Flagged")), QRESYNC));
    }

    @Test
    void newKeywordsAreAnnouncedBeforeTheFetchThatShowsThem() {
        MailboxView v = view(m(1, 1));
        List<Response> out = v.sync(snapshot(m(1, 2, "$Todo")), PLAIN);
        assertEquals(3, out.size());
        assertEquals(new Response.Flags(List.of(Flag.ANSWERED, Flag.FLAGGED, Flag.DELETED, Flag.SEEN, Flag.DRAFT,
                new Flag("$Todo"))), out.get(0));
        assertTrue(out.get(1) instanceof Response.Condition c && c.code().orElseThrow()
                instanceof ResponseCode.PermanentFlags p && p.newKeywords());
        assertTrue(out.get(2) instanceof Response.FetchResult);
        assertEquals(List.of(), v.announce(List.of(m(1, 2, "$Todo"))), "announced once");
    }

    @Test
    void setsResolveMessageNumbersAndUidsWithStar() {
        MailboxView v = view(m(2, 1), m(4, 2), m(9, 3));
        SequenceSet.Ranges all = (SequenceSet.Ranges) SequenceSet.parse("1:*");
        assertEquals(List.of(1, 2, 3), msns(v.resolve(all, false)));
        assertEquals(List.of(2), msns(v.resolve((SequenceSet.Ranges) SequenceSet.parse("3:5"), true)));
        assertEquals(List.of(3), msns(v.resolve((SequenceSet.Ranges) SequenceSet.parse("100:*"), true)),
                "n:* with n above the highest UID still names the last message (RFC 9051 §6.4.9)");
        assertFalse(v.inRange((SequenceSet.Ranges) SequenceSet.parse("4")));
        assertTrue(v.inRange((SequenceSet.Ranges) SequenceSet.parse("2:*")));
        assertEquals(List.of(2), msns(v.resolveUids(List.of(4L, 5L))));
    }

    @Test
    void aLargeMailboxSyncsInLinearishTime() {
        List<MessageEntry> many = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            many.add(m(i, i));
        }
        MailboxView v = view(many.toArray(MessageEntry[]::new));
        many.set(50_000, m(50_001, 200_000, "\\Seen"));
        many.remove(10);
        long t = System.nanoTime();
        List<Response> out = v.sync(snapshot(many.toArray(MessageEntry[]::new)), PLAIN);
        assertTrue((System.nanoTime() - t) / 1_000_000 < 2000, "sync of 100,000 messages took too long");
        assertEquals(List.of(new Response.Expunge(11), new Response.FetchResult(50_000,
                List.of(new FetchAttr.Flags(List.of(Flag.SEEN))))), out);
    }

    private static List<Integer> msns(List<ViewMessage> messages) {
        return messages.stream().map(ViewMessage::msn).toList();
    }
}
