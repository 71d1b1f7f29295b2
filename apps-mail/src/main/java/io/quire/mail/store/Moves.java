package io.quire.mail.store;

import io.quire.mail.store.EntryList.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Moving messages between mailboxes inside one draft: the message documents keep their ids and
 * get a new (mailbox, UID) from the target's UIDNEXT, so a UID is only ever allocated, never
 * reused (the renumbering proof in {@code SequenceRenumberer} relies on it), and the old UIDs are
 * recorded as vanished in the source when it still exists.
 */
final class Moves {
    private Moves() {
    }

    /**
     * Moves {@code rows} (in their order) into {@code targetId}; returns the new UIDs in the same
     * order. {@code sourceId} may equal the target (a move within a mailbox renumbers), or name a
     * mailbox that no longer exists (recovery), in which case nothing is recorded there.
     */
    static List<Long> move(TxDraft d, String sourceId, String targetId, List<Row> rows) {
        List<Long> out = new ArrayList<>(rows.size());
        if (rows.isEmpty()) return out;
        long modseq = d.modseq(targetId);
        List<Long> old = new ArrayList<>(rows.size());
        for (Row r : rows) {
            long uid = d.allocateUid(targetId);
            MessageEntry e = r.entry();
            d.replaceMessage(sourceId, r, targetId, new MessageEntry(e.id(), uid, e.flags(), e.internalDate(), modseq, e.size(), e.bodyBlob()));
            out.add(uid);
            old.add(e.uid());
        }
        if (d.exists(sourceId)) d.vanish(sourceId, old);
        return out;
    }
}
