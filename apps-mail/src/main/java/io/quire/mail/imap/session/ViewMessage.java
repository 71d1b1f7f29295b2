package io.quire.mail.imap.session;

import io.quire.mail.store.MessageEntry;

/**
 * A message of a session's {@link MailboxView}.
 *
 * @param msn   its message sequence number
 * @param entry the entry as the client last saw it
 */
public record ViewMessage(int msn, MessageEntry entry) {
    /** The message's UID. */
    public long uid() {
        return entry.uid();
    }
}
