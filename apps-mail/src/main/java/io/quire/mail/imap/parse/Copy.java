package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.SequenceSet;

/**
 * {@code [UID] COPY set mailbox} (RFC 9051 §6.4.7).
 *
 * @param uid    whether the set holds UIDs
 * @param set    the messages
 * @param target the destination mailbox
 */
public record Copy(boolean uid, SequenceSet set, MailboxName target) implements Command {
}
