package io.quire.mail.store;

import io.quire.mail.store.EntryList.Row;
import io.quire.mail.store.IndexView.Held;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the index does so that no client ever sees a merge break a mail rule, even before the
 * {@link Repairs} that fix the documents have run. Three cases, each kept by the index until the
 * repair's commit arrives:
 *
 * <ul>
 *   <li><b>Reused UID.</b> A message a merge put at a UID below this replica's former UIDNEXT,
 *       where this replica never had it: this replica handed that UID out itself (to a message
 *       since expunged or moved, so the merge saw no collision). The message is <em>held</em> out
 *       of the mailbox until it gets a fresh UID (RFC 3501 §2.3.1.1). Since the engine renumbers
 *       every UID both sides may have handed out since the base (docs/adr/0007) this does not
 *       happen in a consistent history; it stays as a guard.</li>
 *   <li><b>Lowered counters.</b> UIDNEXT, HIGHESTMODSEQ and the vanished floor never go down in a
 *       view. A merge over a virtual base (criss-cross history) can lower a max-merged field: when
 *       one side's document equals the virtual base, the engine takes the other side's whole, and
 *       a base raised by renumbering is then above that side. The index keeps the higher values.</li>
 *   <li><b>Stale stamp.</b> An entry a merge changed (or brought) whose modseq is not above this
 *       replica's former HIGHESTMODSEQ (after a lowered counter, the merge's stamps start too low):
 *       the index gives it the next modseq, so CONDSTORE clients see the change (RFC 7162 §3.1).</li>
 * </ul>
 * Local writes never trigger any of them: they allocate at UIDNEXT and HIGHESTMODSEQ + 1.
 */
final class MergeGuard {
    final Map<String, Held> held = new HashMap<>();
    final Set<String> lowered = new HashSet<>();
    final Map<String, Held> restamp = new HashMap<>();

    void clear() {
        held.clear();
        lowered.clear();
        restamp.clear();
    }

    /** The mailbox with counters no lower than {@code before} had (same UIDVALIDITY). */
    MailboxRecord floor(MailboxRecord before, MailboxRecord now) {
        if (before == null || before.uidValidity() != now.uidValidity()
                || now.uidNext() >= before.uidNext() && now.highestModseq() >= before.highestModseq()
                && now.vanishedFloor() >= before.vanishedFloor()) {
            lowered.remove(now.id());
            return now;
        }
        lowered.add(now.id());
        return new MailboxRecord(now.id(), now.rev(), now.name(), now.specialUse(), now.subscribed(), now.uidValidity(),
                Math.max(now.uidNext(), before.uidNext()), Math.max(now.highestModseq(), before.highestModseq()),
                Math.max(now.vanishedFloor(), before.vanishedFloor()));
    }

    /** True when UID {@code uid} of mailbox {@code box} was already handed out in {@code before}. */
    static boolean reused(IndexView before, String box, long uid) {
        MailboxRecord b = before.mailboxes().get(box);
        return b != null && uid < b.uidNext();
    }

    /**
     * Gives the next modseqs to upserts that changed for clients but carry a modseq at or below the
     * former HIGHESTMODSEQ, raising the mailbox's HIGHESTMODSEQ with them.
     *
     * @param previous each upserted message's entry before this change, when the view had one
     */
    void restamp(IndexView before, Map<String, MailboxRecord> boxes, Map<String, List<Row>> upserts, Map<String, MessageEntry> previous) {
        for (Map.Entry<String, List<Row>> e : upserts.entrySet()) {
            String box = e.getKey();
            MailboxRecord was = before.mailboxes().get(box), now = boxes.get(box);
            if (was == null || now == null || was.uidValidity() != now.uidValidity()) continue;
            long hms = now.highestModseq();
            List<Row> rows = e.getValue();
            for (int i = 0; i < rows.size(); i++) {
                MessageEntry x = rows.get(i).entry(), old = previous.get(x.id());
                if (x.modseq() > was.highestModseq() || !changedForClients(old, x)) continue;
                Row raised = new Row(new MessageEntry(x.id(), x.uid(), x.flags(), x.internalDate(), ++hms, x.size(), x.bodyBlob()),
                        rows.get(i).rev());
                rows.set(i, raised);
                restamp.put(x.id(), new Held(box, raised));
            }
            if (hms != now.highestModseq()) {
                boxes.put(box, now.withCounters(now.uidNext(), hms));
                lowered.add(box);
            }
        }
    }

    private static boolean changedForClients(MessageEntry old, MessageEntry now) {
        return old == null || old.uid() != now.uid() || !old.flags().equals(now.flags());
    }
}
