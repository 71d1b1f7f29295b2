package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.SequenceSet;

/**
 * {@code [UID] MOVE set mailbox} (RFC 6851).
 *
 * @param uid    whether the set holds UIDs
 * @param set    the messages
 * @param target the destination mailbox
 */
public record Move(boolean uid, SequenceSet set, MailboxName target) implements Command {
}
