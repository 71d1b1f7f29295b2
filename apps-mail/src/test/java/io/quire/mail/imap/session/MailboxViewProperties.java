package io.quire.mail.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random store histories (appends, flag changes, expunges, merge renumberings) seen by a session that syncs at
 * random points, sometimes with expunges held back: a client that applies exactly the responses it gets always
 * agrees with the view, every EXPUNGE names a number that exists when it is read, and a sync that may expunge
 * leaves the view equal to the store.
 */
class MailboxViewProperties {

    /** One step of the store, or a sync of the session. */
    sealed interface Op {
    }

    record Append(int flag) implements Op {
    }

    record Flag(int which, int flag) implements Op {
    }

    record Expunge(int which) implements Op {
    }

    record Renumber(int which) implements Op {
    }

    record Sync(boolean expungeAllowed, boolean qresync) implements Op {
    }

    private static final List<String> FLAGS = List.of("\\Seen", "\\Flagged", "$Work", "$Later");

    @Property(tries = 300)
    void aClientApplyingTheResponsesAlwaysAgreesWithTheView(@ForAll("histories") List<Op> ops) {
        TreeMap<Long, MessageEntry> store = new TreeMap<>();
        long[] uidNext = {1};
        long[] modseq = {1};
        MailboxView view = MailboxView.open(snapshot(store, uidNext[0], modseq[0]), MailboxName.INBOX, false);
        List<Long> client = new ArrayList<>();
        for (Op op : ops) {
            switch (op) {
                case Append a -> store.put(uidNext[0], entry(uidNext[0]++, ++modseq[0], a.flag()));
                case Flag f -> pick(store, f.which()).ifPresent(e -> store.put(e.uid(), entry(e.uid(), ++modseq[0],
                        f.flag())));
                case Expunge x -> pick(store, x.which()).ifPresent(e -> store.remove(e.uid()));
                case Renumber r -> pick(store, r.which()).ifPresent(e -> {
                    store.remove(e.uid());
                    long uid = uidNext[0]++;
                    store.put(uid, new MessageEntry(e.id(), uid, e.flags(), e.internalDate(), ++modseq[0], e.size(),
                            e.bodyBlob()));
                });
                case Sync s -> {
                    SyncPolicy policy = new SyncPolicy(s.expungeAllowed(), s.qresync(), s.qresync());
                    MailboxSnapshot snap = snapshot(store, uidNext[0], modseq[0]);
                    for (Response r : view.sync(snap, policy)) {
                        apply(client, r, view);
                    }
                    assertEquals(view.size(), client.size());
                    if (s.expungeAllowed()) {
                        assertEquals(List.copyOf(store.keySet()), client, "the view is the store after a full sync");
                        for (ViewMessage m : view.all()) {
                            assertEquals(store.get(m.uid()).flags(), m.entry().flags());
                        }
                    }
                }
            }
        }
    }

    /** The client's side: it learns UIDs of new messages from the view, as a real client would by UID FETCH. */
    private static void apply(List<Long> client, Response r, MailboxView view) {
        switch (r) {
            case Response.Expunge e -> {
                assertTrue(e.messageNumber() >= 1 && e.messageNumber() <= client.size(), "EXPUNGE " + e.messageNumber()
                        + " of " + client.size());
                client.remove((int) e.messageNumber() - 1);
            }
            case Response.Vanished v -> {
                SequenceSet.Ranges set = (SequenceSet.Ranges) v.uids();
                client.removeIf(uid -> set.contains(uid, Long.MAX_VALUE / 2));
            }
            case Response.Exists x -> {
                assertTrue(x.count() >= client.size(), "EXISTS never shrinks the mailbox");
                for (int msn = client.size() + 1; msn <= x.count(); msn++) {
                    client.add(view.entry(msn).uid());
                }
            }
            case Response.FetchResult f -> assertTrue(f.messageNumber() >= 1 && f.messageNumber() <= client.size());
            default -> { }
        }
    }

    private static Optional<MessageEntry> pick(TreeMap<Long, MessageEntry> store, int which) {
        if (store.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ArrayList<>(store.values()).get(which % store.size()));
    }

    private static MessageEntry entry(long uid, long modseq, int flag) {
        return new MessageEntry("m" + uid, uid, Set.of(FLAGS.get(flag)), Instant.EPOCH, modseq, 1, "b" + uid);
    }

    private static int heads;

    private static MailboxSnapshot snapshot(TreeMap<Long, MessageEntry> store, long uidNext, long modseq) {
        return new MailboxSnapshot(new MailboxInfo("id", "INBOX", Optional.empty(), true, 1, uidNext, modseq,
                store.size(), 0), "h" + (++heads), List.copyOf(store.values()));
    }

    @Provide
    Arbitrary<List<Op>> histories() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 50);
        Arbitrary<Integer> flag = Arbitraries.integers().between(0, FLAGS.size() - 1);
        Arbitrary<Op> op = Arbitraries.oneOf(
                flag.map(Append::new),
                flag.map(Append::new),
                Combinators.combine(index, flag).as(Flag::new),
                index.map(Expunge::new),
                index.map(Renumber::new),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as(Sync::new));
        return op.list().ofMinSize(1).ofMaxSize(60);
    }
}
