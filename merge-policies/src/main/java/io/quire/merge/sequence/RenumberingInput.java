package io.quire.merge.sequence;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the renumbering step of one three-way merge sees of a sequence field.
 *
 * @param merged   the documents changed on either side since the base, as they are in the merged result
 * @param left     where each of those documents sits on the left side (absent: not there, or no value)
 * @param right    the same on the right side
 * @param counters per scope; a scope without an entry has no known counter (collisions are then all
 *                 that is renumbered, counting from its highest value)
 */
public record RenumberingInput(List<SequencedDocument> merged, Map<String, SequencePlace> left, Map<String, SequencePlace> right,
                               SortedMap<ScopeKey, ScopeCounters> counters) {
    public RenumberingInput {
        merged = List.copyOf(merged);
        left = Map.copyOf(left);
        right = Map.copyOf(right);
        counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
    }

    /** The same merge with the sides swapped: renumbering must not tell the two apart. */
    public RenumberingInput swapped() {
        TreeMap<ScopeKey, ScopeCounters> c = new TreeMap<>();
        counters.forEach((k, v) -> c.put(k, v.swapped()));
        return new RenumberingInput(merged, right, left, c);
    }

    /** Whether both sides held document {@code id} at exactly {@code place}. */
    boolean heldOnBothSides(String id, SequencePlace place) {
        return place.equals(left.get(id)) && place.equals(right.get(id));
    }
}
