package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;
import java.util.Optional;

/**
 * {@code SELECT mailbox [(CONDSTORE / QRESYNC (...))]} (RFC 9051 §6.3.2, RFC 7162).
 *
 * @param mailbox   the mailbox to open
 * @param condstore whether CONDSTORE was requested (RFC 7162 §3.1.8)
 * @param qresync   the QRESYNC parameter, if any (RFC 7162 §3.2.5)
 */
public record Select(MailboxName mailbox, boolean condstore, Optional<QResync> qresync) implements Command {
}
