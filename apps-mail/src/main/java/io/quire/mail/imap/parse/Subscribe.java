package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;

/**
 * {@code SUBSCRIBE mailbox} (RFC 9051 §6.3.7).
 *
 * @param mailbox the mailbox
 */
public record Subscribe(MailboxName mailbox) implements Command {
}
