package io.quire.mail.store;

import java.util.List;

/** A mailbox at one head: its counters and its messages in UID order (message sequence numbers are positions + 1). */
public record MailboxSnapshot(MailboxInfo mailbox, String head, List<MessageEntry> messages) {
}
