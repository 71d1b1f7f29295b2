package io.quire.mail.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed in a mailbox between two snapshots, entry by entry, as an IMAP session reports it:
 * UIDs that vanished (untagged EXPUNGE, or VANISHED with QRESYNC), entries added (EXISTS) and
 * entries whose flags or modseq changed (FETCH). A message that a merge renumbered shows as its old
 * UID vanished and a new entry added, never as a changed entry, because a UID names one message
 * forever (RFC 3501 §2.3.1.1).
 *
 * @param uidValidityChanged the mailbox was replaced (or another mailbox now has the name): the
 *                           session must not diff at all but drop its state (RFC 3501 §2.3.1.1)
 * @param vanished           UIDs of {@code before} not in {@code after}, ascending
 * @param added              entries of {@code after} whose UID was not in {@code before}, in UID order
 * @param changed            entries present in both whose flags or modseq differ, in UID order
 */
public record MailboxChanges(boolean uidValidityChanged, List<Long> vanished, List<MessageEntry> added, List<MessageEntry> changed) {

    /** True when nothing changed. */
    public boolean isEmpty() {
        return !uidValidityChanged && vanished.isEmpty() && added.isEmpty() && changed.isEmpty();
    }

    /**
     * The changes from {@code before} to {@code after} (two snapshots of one mailbox). For snapshots
     * of this store the cost follows the change (shared chunks are skipped); otherwise O(n).
     */
    public static MailboxChanges between(MailboxSnapshot before, MailboxSnapshot after) {
        if (before.mailbox().uidValidity() != after.mailbox().uidValidity() || !before.mailbox().id().equals(after.mailbox().id()))
            return new MailboxChanges(true, List.of(), List.of(), List.of());
        List<MessageEntry> a = before.messages(), b = after.messages();
        if (a == b) return new MailboxChanges(false, List.of(), List.of(), List.of());
        List<Long> vanished = new ArrayList<>();
        List<MessageEntry> added = new ArrayList<>(), changed = new ArrayList<>();
        if (a instanceof EntryList x && b instanceof EntryList y) { // skips the chunks both share
            EntryList.diff(x, y, new EntryList.DiffSink() {
                @Override
                public void vanished(MessageEntry before) {
                    vanished.add(before.uid());
                }

                @Override
                public void added(MessageEntry after) {
                    added.add(after);
                }

                @Override
                public void both(MessageEntry before, MessageEntry after) {
                    compare(before, after, vanished, added, changed);
                }
            });
            return new MailboxChanges(false, List.copyOf(vanished), List.copyOf(added), List.copyOf(changed));
        }
        int i = 0, j = 0;
        while (i < a.size() || j < b.size()) {
            MessageEntry x = i < a.size() ? a.get(i) : null, y = j < b.size() ? b.get(j) : null;
            if (y == null || (x != null && x.uid() < y.uid())) {
                vanished.add(x.uid());
                i++;
            } else if (x == null || y.uid() < x.uid()) {
                added.add(y);
                j++;
            } else {
                compare(x, y, vanished, added, changed);
                i++;
                j++;
            }
        }
        return new MailboxChanges(false, List.copyOf(vanished), List.copyOf(added), List.copyOf(changed));
    }

    private static void compare(MessageEntry x, MessageEntry y, List<Long> vanished, List<MessageEntry> added, List<MessageEntry> changed) {
        if (!x.id().equals(y.id())) { // cannot happen under the UID rule; reported safely if it does
            vanished.add(x.uid());
            added.add(y);
        } else if (x != y && (x.modseq() != y.modseq() || !x.flags().equals(y.flags()))) {
            changed.add(y);
        }
    }
}
