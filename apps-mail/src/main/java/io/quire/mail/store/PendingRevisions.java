package io.quire.mail.store;

import java.util.HashSet;
import java.util.Set;

/**
 * Stand-in revisions for the documents that operations earlier in one write batch wrote: the
 * database gives the real revision (a blob id) only at the commit. An operation planned later in
 * the batch reads the stand-in from its view and writes it as If-Match; {@link TxCombiner} drops
 * those preconditions, which hold by construction (the batch is planned on one thread, in order),
 * and keeps the ones on committed revisions, which still catch a merge that moved a document.
 */
final class PendingRevisions {
    /** 24 zero digits then a counter: never a real blob id in practice, and checked by membership anyway. */
    private static final String PREFIX = "000000000000000000000000";

    private final Set<String> issued = new HashSet<>();
    private long next = 1;

    /** A new stand-in revision. */
    String next() {
        String r = PREFIX + String.format("%016x", next++);
        issued.add(r);
        return r;
    }

    boolean isPending(String rev) {
        return rev != null && issued.contains(rev);
    }
}
