package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.SequenceSet;

/**
 * {@code UID EXPUNGE uid-set} (RFC 4315 §2.1, RFC 9051 §6.4.9).
 *
 * @param uids the UIDs to expunge, if marked {@code \Deleted}
 */
public record UidExpunge(SequenceSet uids) implements Command {
}
