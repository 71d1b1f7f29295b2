package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;

/**
 * {@code DELETE mailbox} (RFC 9051 §6.3.5).
 *
 * @param mailbox the mailbox
 */
public record Delete(MailboxName mailbox) implements Command {
}
