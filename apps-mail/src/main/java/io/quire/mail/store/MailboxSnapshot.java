package io.quire.mail.store;

import java.util.List;
import java.util.Optional;

/**
 * A mailbox at one head: its counters and its messages in UID order (message sequence numbers are
 * positions + 1). Immutable and shared: taking one copies nothing, whatever the mailbox size.
 */
public record MailboxSnapshot(MailboxInfo mailbox, String head, List<MessageEntry> messages) {

    /** The position (sequence number - 1) of the message with this UID, or {@code -(insertion point) - 1}. */
    public int indexOfUid(long uid) {
        if (messages instanceof EntryList e) return e.indexOfUid(uid);
        int lo = 0, hi = messages.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long u = messages.get(mid).uid();
            if (u < uid) lo = mid + 1;
            else if (u > uid) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    /** The message with this UID. */
    public Optional<MessageEntry> byUid(long uid) {
        int i = indexOfUid(uid);
        return i >= 0 ? Optional.of(messages.get(i)) : Optional.empty();
    }
}
