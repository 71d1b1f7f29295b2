package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;
import java.util.List;

/**
 * {@code CREATE mailbox [(USE (attrs))]} (RFC 9051 §6.3.4, CREATE-SPECIAL-USE RFC 6154 §3).
 *
 * <p>A trailing delimiter ("create as a parent") has been stripped, as RFC 9051 §6.3.4 allows.
 *
 * @param mailbox    the name to create
 * @param specialUse requested special-use attributes, e.g. {@code \Sent}; empty when none
 */
public record Create(MailboxName mailbox, List<String> specialUse) implements Command {
    /** Copies the list. */
    public Create {
        specialUse = List.copyOf(specialUse);
    }
}
