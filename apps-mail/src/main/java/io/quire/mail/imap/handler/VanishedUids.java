package io.quire.mail.imap.handler;

import io.quire.mail.imap.encode.UidSetEncoder;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import io.quire.mail.store.UserMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The UIDs to report in {@code VANISHED (EARLIER)} (RFC 7162 §3.2.5.1 and §3.2.6): those expunged since the client's
 * mod-sequence, within the UIDs it asks about. The store keeps a bounded history; when the client's mod-sequence
 * is older than what it kept ({@link UserMail#vanishedFloor}), every asked-about UID that does not exist is reported
 * instead, which RFC 7162 §3.2.5.2 allows (a client ignores UIDs it never had).
 */
final class VanishedUids {
    private VanishedUids() {
    }

    /**
     * The vanished UIDs, or empty if none.
     *
     * @param within the UIDs the client asks about (known-uids, or the UID FETCH set); empty for all
     */
    static Optional<SequenceSet> since(UserMail mail, MailboxSnapshot snapshot, long modSeq,
                                       Optional<SequenceSet.Ranges> within) {
        String name = snapshot.mailbox().name();
        long last = snapshot.mailbox().uidNext() - 1;
        if (last < 1) {
            return Optional.empty();
        }
        if (modSeq >= mail.vanishedFloor(name)) {
            long[] uids = mail.vanishedSince(name, modSeq).stream().mapToLong(Long::longValue)
                    .filter(uid -> within.isEmpty() || within.get().contains(uid, Math.max(last, uid)))
                    .toArray();
            return uids.length == 0 ? Optional.empty() : Optional.of(UidSetEncoder.compact(uids));
        }
        List<SequenceSet.Interval> asked = within.map(w -> w.resolve(last))
                .orElse(List.of(new SequenceSet.Interval(1, last)));
        return missing(asked, snapshot);
    }

    /** The parts of {@code asked} that no message of the snapshot occupies, as ranges (never enumerated). */
    static Optional<SequenceSet> missing(List<SequenceSet.Interval> asked, MailboxSnapshot snapshot) {
        List<SequenceSet.Range> gaps = new ArrayList<>();
        List<MessageEntry> messages = snapshot.messages();
        for (SequenceSet.Interval i : asked) {
            int k = snapshot.indexOfUid(i.low());
            k = k >= 0 ? k : -k - 1;
            long next = i.low();
            for (; k < messages.size() && messages.get(k).uid() <= i.high(); k++) {
                long uid = messages.get(k).uid();
                if (uid > next) {
                    gaps.add(new SequenceSet.Range(next, uid - 1));
                }
                next = uid + 1;
            }
            if (next <= i.high()) {
                gaps.add(new SequenceSet.Range(next, i.high()));
            }
        }
        return gaps.isEmpty() ? Optional.empty() : Optional.of(new SequenceSet.Ranges(gaps));
    }
}
