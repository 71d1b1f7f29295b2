package io.quire.mail.store;

import io.quire.sdk.DocumentId;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import io.quire.sdk.Transaction.Delete;
import io.quire.sdk.Transaction.Op;
import io.quire.sdk.Transaction.Put;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the transactions of one write batch, planned one after another, into one transaction (one
 * commit, one round of fsyncs). Per document:
 * <ul>
 *   <li>only puts: one put of the last data, with the first put's If-Match (the revision committed
 *       before the batch, or none) and the blobs of all of them, later ones winning, so a delivery
 *       then a flag change of the same message still carries the body;</li>
 *   <li>a delete among them (rare: an append expunged in the same batch): every write in order,
 *       the first with its If-Match and the others without, which the store applies in turn.</li>
 * </ul>
 * If-Match on a stand-in revision ({@link PendingRevisions}) only ever follows an earlier write of
 * the same document in the batch, so it is the one dropped; the first write of each document keeps
 * its precondition on the committed state, which is what catches a merge in between.
 */
final class TxCombiner {
    /** Operations named in a joined commit's message (it records them; nothing reads it). */
    private static final int MAX_NOTES = 20;

    private final PendingRevisions pending;
    private final Map<DocumentId, List<Op>> byDocument = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    TxCombiner(PendingRevisions pending) {
        this.pending = pending;
    }

    void add(Transaction tx) {
        for (Op op : tx.ops()) byDocument.computeIfAbsent(op.id(), k -> new ArrayList<>()).add(op);
        if (!tx.message().isEmpty()) notes.add(tx.message());
    }

    boolean isEmpty() {
        return byDocument.isEmpty();
    }

    /** How many transactions were added. */
    int size() {
        return notes.size();
    }

    Transaction build() {
        Transaction.Builder b = Transaction.builder();
        for (Map.Entry<DocumentId, List<Op>> e : byDocument.entrySet()) {
            List<Op> ops = e.getValue();
            Optional<Revision> first = ops.get(0).ifMatch();
            if (first.isPresent() && pending.isPending(first.get().value()))
                throw new IllegalStateException("the first write of " + e.getKey() + " in a batch names a revision of the batch");
            if (ops.stream().allMatch(o -> o instanceof Put)) {
                Map<String, byte[]> blobs = new HashMap<>();
                for (Op o : ops) blobs.putAll(((Put) o).blobs());
                b.add(new Put(e.getKey(), ((Put) ops.get(ops.size() - 1)).data(), blobs, first));
                continue;
            }
            for (int i = 0; i < ops.size(); i++) {
                Optional<Revision> ifMatch = i == 0 ? first : Optional.empty();
                b.add(switch (ops.get(i)) {
                    case Put p -> new Put(p.id(), p.data(), p.blobs(), ifMatch);
                    case Delete d -> new Delete(d.id(), ifMatch);
                });
            }
        }
        String message = notes.size() == 1 ? notes.get(0)
                : "mail: " + notes.size() + " operations\n" + String.join("\n", notes.subList(0, Math.min(notes.size(), MAX_NOTES)))
                + (notes.size() > MAX_NOTES ? "\n..." : "");
        return b.message(message).build();
    }
}
