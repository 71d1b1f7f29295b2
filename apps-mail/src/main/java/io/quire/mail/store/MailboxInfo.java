package io.quire.mail.store;

import java.util.Optional;

/**
 * A mailbox's attributes and counters.
 *
 * @param id          the stable mailbox id (messages refer to it; renames keep it)
 * @param name        full hierarchy name, '/'-delimited
 * @param specialUse  RFC 6154 attribute (e.g. "\\Sent"), if any
 */
public record MailboxInfo(String id, String name, Optional<String> specialUse, boolean subscribed,
                          long uidValidity, long uidNext, long highestModseq, int messages, int unseen) {
}
