package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;

/**
 * {@code RENAME existing new} (RFC 9051 §6.3.6).
 *
 * @param from the existing mailbox
 * @param to   the new name, already checked to be creatable
 */
public record Rename(MailboxName from, MailboxName to) implements Command {
}
