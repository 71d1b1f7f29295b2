package io.quire.mail.imap.session;

import java.util.List;

/**
 * One node of a THREAD answer (RFC 5256 §4): a message (its sequence number or UID) and its replies, in order.
 *
 * @param number   the message number or UID; 0 for a placeholder that only groups its children (a missing parent,
 *                 or siblings gathered by subject)
 * @param children the replies, oldest first
 */
public record ThreadNode(long number, List<ThreadNode> children) {
    /** Copies the children. */
    public ThreadNode {
        if (number < 0) {
            throw new IllegalArgumentException("negative message number");
        }
        children = List.copyOf(children);
    }

    /** Whether this node stands for no message. */
    public boolean placeholder() {
        return number == 0;
    }
}
