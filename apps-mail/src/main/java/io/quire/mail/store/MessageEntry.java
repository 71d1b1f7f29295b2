package io.quire.mail.store;

import java.time.Instant;
import java.util.Set;

/**
 * One message in a mailbox, as the derived index holds it.
 *
 * @param id       the stable message id (the document id)
 * @param flags    system flags ("\\Seen" ...) and keywords
 * @param size     RFC822.SIZE in octets
 * @param bodyBlob the Git blob id of the raw message (bodies are stored once)
 */
public record MessageEntry(String id, long uid, Set<String> flags, Instant internalDate, long modseq, long size, String bodyBlob) {
}
