package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;

/**
 * {@code UNSUBSCRIBE mailbox} (RFC 9051 §6.3.8).
 *
 * @param mailbox the mailbox
 */
public record Unsubscribe(MailboxName mailbox) implements Command {
}
