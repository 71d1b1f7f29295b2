package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxPattern;

/**
 * {@code LSUB reference pattern} (RFC 3501 §6.3.9; deprecated by RFC 9051 but still sent by clients).
 *
 * @param reference the reference name
 * @param pattern   the pattern
 */
public record Lsub(String reference, MailboxPattern pattern) implements Command {
}
