package io.quire.merge.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.JsonOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives fresh sequence values to documents that a merge left holding the same value in one scope
 * (IMAP: two messages with one UID in one mailbox). A pure cross-document step, run after the
 * documents themselves are merged.
 *
 * <p>Rule (ARCHITECTURE.md §4, "UID rule"): when two or more distinct documents share a value in
 * a scope, <em>all</em> of them get new values, because each replica may already have shown the
 * old value to a client as a different message. New values are handed out from
 * {@code max(counter, highest value among the inputs in that scope + 1)} upwards, in the order of
 * the documents' {@code orderBy} values (compared with {@link JsonOrder}), then id. The result
 * depends only on the set of inputs: not on their order, nor on which side was "ours".
 *
 * <p>Why only documents changed since the base need to be passed in. Invariant: on every replica,
 * each value in a scope is below that scope's counter, and a document enters a scope (or gets a
 * value) only by allocating from the counter, which then rises. Take a document U unchanged on
 * both sides, holding (scope s, value v) as in the base, and a changed document C in the merged
 * result. A sequence field belongs to a field group with its scope, so C's (scope, value) pair
 * comes whole from one side S. Either C kept its base pair, which differs from U's because the
 * base had no collision; or S allocated it after the base, from a counter at least the base
 * counter of s, which is above v. Either way C does not collide with U. Values handed out here
 * are at least the merged counter, hence above every value on either side, so they collide with
 * nothing either.
 */
public final class SequenceRenumberer {
    private SequenceRenumberer() {
    }

    /**
     * Renumbers colliding documents.
     *
     * @param changed  the documents changed on either side since the base, as they are in the merged result
     * @param counters per scope, the counter in the merged result (merged with max, so at or above
     *                 both sides'); a scope without one counts from its highest value
     * @throws IllegalArgumentException if one document id is given twice with different entries
     */
    public static Renumbering renumber(Collection<SequencedDocument> changed, Map<ScopeKey, Long> counters) {
        Map<String, SequencedDocument> byId = new HashMap<>();
        for (SequencedDocument d : changed) {
            SequencedDocument previous = byId.putIfAbsent(d.id(), d);
            if (previous != null && !previous.equals(d))
                throw new IllegalArgumentException("document given twice with different entries: " + d.id());
        }
        TreeMap<ScopeKey, List<SequencedDocument>> byScope = new TreeMap<>();
        for (SequencedDocument d : byId.values()) byScope.computeIfAbsent(d.scope(), k -> new ArrayList<>()).add(d);

        TreeMap<String, Long> newValues = new TreeMap<>();
        TreeMap<ScopeKey, Long> newCounters = new TreeMap<>(counters);
        byScope.forEach((scope, docs) -> {
            long next = Math.max(counters.getOrDefault(scope, 0L), Math.addExact(highest(docs), 1));
            for (SequencedDocument d : colliding(docs)) {
                newValues.put(d.id(), next);
                next = Math.addExact(next, 1);
            }
            newCounters.put(scope, next);
        });
        return new Renumbering(newValues, newCounters);
    }

    private static long highest(List<SequencedDocument> docs) {
        long max = Long.MIN_VALUE + 1;
        for (SequencedDocument d : docs) max = Math.max(max, d.value());
        return max;
    }

    /** The documents sharing their value with another one, in renumbering order. */
    private static List<SequencedDocument> colliding(List<SequencedDocument> docs) {
        Map<Long, Integer> holders = new HashMap<>();
        for (SequencedDocument d : docs) holders.merge(d.value(), 1, Integer::sum);
        return docs.stream().filter(d -> holders.get(d.value()) > 1).sorted(ORDER).toList();
    }

    private static final Comparator<SequencedDocument> ORDER = SequenceRenumberer::compare;

    private static int compare(SequencedDocument a, SequencedDocument b) {
        List<JsonNode> x = a.orderBy();
        List<JsonNode> y = b.orderBy();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = JsonOrder.compare(x.get(i), y.get(i));
            if (c != 0) return c;
        }
        int bySize = Integer.compare(x.size(), y.size());
        return bySize != 0 ? bySize : a.id().compareTo(b.id());
    }
}
