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
 * Gives fresh sequence values to the documents of a merged result whose value a client of either
 * side may know as another document's (IMAP: a UID that named another message). A pure
 * cross-document step, run after the documents themselves are merged.
 *
 * <p>Rule (ARCHITECTURE.md §4, "UID rule"; docs/adr/0007): in each scope, a merged document is
 * renumbered when
 * <ol>
 *   <li>another merged document holds the same value (both are renumbered: each replica may have
 *       shown the value to a client as its own document), or</li>
 *   <li>its value lies in {@code [base counter, min(left counter, right counter))} — a value both
 *       sides may have handed out since the base — unless both sides held this very document at
 *       this very place. Each side may have given the value to a document of its own, expunged or
 *       moved away since, so the merged tree shows no collision: without this, a client of that
 *       side would see the value name another document.</li>
 * </ol>
 * Fresh values are handed out from {@code max(merged counter, both side counters, highest value
 * among the inputs in that scope + 1)} upwards, in the order of the documents' {@code orderBy}
 * values (compared with {@link JsonOrder}), then id. The result depends only on the set of inputs:
 * not on their order, nor on which side is "left" (the rule reads both sides alike).
 *
 * <p>Why only documents changed since the base need to be passed in. Invariant: on every replica,
 * each value in a scope is below that scope's counter, and a document enters a scope (or gets a
 * value) only by allocating from the counter, which then rises. A document U unchanged on both
 * sides holds its base place, whose value is below the base counter: outside rule 2's range. And
 * no changed document C can share U's place: C's (scope, value) pair comes whole from one side S
 * (sequence fields belong to a field group with their scope), and either C kept its base pair, which
 * differs from U's because the base had no collision, or S allocated it after the base, from a
 * counter at or above the base counter, so above U's value. Values handed out here are at or above
 * every counter, hence above every value on either side: they collide with nothing either.
 *
 * <p>Why a value outside the range can stay. A value at or above one side's counter was never
 * handed out by that side, so only the other side's clients know it, and they know it as this
 * document (the document's place comes from that side). A value below the base counter was handed
 * out before the base, to the one document that held it there; a document holding it now held it
 * in the base too (values are only ever allocated at the counter).
 */
public final class SequenceRenumberer {
    private SequenceRenumberer() {
    }

    /**
     * Renumbers the documents of one merge, reading both sides (see the class comment).
     *
     * @throws IllegalArgumentException if one document id is given twice with different entries
     */
    public static Renumbering renumber(RenumberingInput in) {
        TreeMap<ScopeKey, List<SequencedDocument>> byScope = new TreeMap<>();
        for (SequencedDocument d : distinct(in.merged())) byScope.computeIfAbsent(d.scope(), k -> new ArrayList<>()).add(d);

        TreeMap<String, Long> newValues = new TreeMap<>();
        TreeMap<ScopeKey, Long> newCounters = new TreeMap<>();
        in.counters().forEach((scope, c) -> newCounters.put(scope, c.fresh()));
        byScope.forEach((scope, docs) -> {
            ScopeCounters c = in.counters().get(scope);
            long next = Math.max(c == null ? 0L : c.fresh(), Math.addExact(highest(docs), 1));
            for (SequencedDocument d : toRenumber(in, c, docs)) {
                newValues.put(d.id(), next);
                next = Math.addExact(next, 1);
            }
            newCounters.put(scope, next);
        });
        return new Renumbering(newValues, newCounters);
    }

    /**
     * Renumbers colliding documents when nothing is known of the sides (rule 1 only).
     *
     * @param changed  the documents changed on either side since the base, as they are in the merged result
     * @param counters per scope, the counter in the merged result; a scope without one counts from its highest value
     * @throws IllegalArgumentException if one document id is given twice with different entries
     */
    public static Renumbering renumber(Collection<SequencedDocument> changed, Map<ScopeKey, Long> counters) {
        TreeMap<ScopeKey, ScopeCounters> c = new TreeMap<>();
        counters.forEach((k, v) -> c.put(k, ScopeCounters.mergedOnly(v)));
        return renumber(new RenumberingInput(List.copyOf(changed), Map.of(), Map.of(), c));
    }

    private static Collection<SequencedDocument> distinct(List<SequencedDocument> docs) {
        Map<String, SequencedDocument> byId = new HashMap<>();
        for (SequencedDocument d : docs) {
            SequencedDocument previous = byId.putIfAbsent(d.id(), d);
            if (previous != null && !previous.equals(d))
                throw new IllegalArgumentException("document given twice with different entries: " + d.id());
        }
        return byId.values();
    }

    private static long highest(List<SequencedDocument> docs) {
        long max = Long.MIN_VALUE + 1;
        for (SequencedDocument d : docs) max = Math.max(max, d.value());
        return max;
    }

    /** The documents of one scope that need a fresh value, in renumbering order. */
    private static List<SequencedDocument> toRenumber(RenumberingInput in, ScopeCounters c, List<SequencedDocument> docs) {
        Map<Long, Integer> holders = new HashMap<>();
        for (SequencedDocument d : docs) holders.merge(d.value(), 1, Integer::sum);
        return docs.stream()
                .filter(d -> holders.get(d.value()) > 1
                        || c != null && c.bothMayHaveIssued(d.value()) && !in.heldOnBothSides(d.id(), d.place()))
                .sorted(ORDER).toList();
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
