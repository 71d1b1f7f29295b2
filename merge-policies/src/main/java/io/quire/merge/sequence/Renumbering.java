package io.quire.merge.sequence;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of renumbering: the new sequence value of every document that had to leave its
 * place, and the counter (next free value) of every scope seen.
 *
 * @param newValues new values by document id; documents not listed keep theirs
 * @param counters  per scope, the counter to store: never below the merged counter nor either
 *                  side's, and above every value now in use among the inputs
 */
public record Renumbering(SortedMap<String, Long> newValues, SortedMap<ScopeKey, Long> counters) {
    public Renumbering {
        newValues = Collections.unmodifiableSortedMap(new TreeMap<>(newValues));
        counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
    }

    /** Whether any document got a new value. */
    public boolean changed() {
        return !newValues.isEmpty();
    }
}
