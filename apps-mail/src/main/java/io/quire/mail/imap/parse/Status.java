package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;
import java.util.List;

/**
 * {@code STATUS mailbox (items)} (RFC 9051 §6.3.11).
 *
 * @param mailbox the mailbox
 * @param items   at least one item, in the client's order, without duplicates
 */
public record Status(MailboxName mailbox, List<StatusItem> items) implements Command {
    /** Copies the list. */
    public Status {
        items = List.copyOf(items);
    }
}
