package io.quire.merge.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.Hlc;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A document as stored in a database: the application's fields ({@code data}) and, per merge unit
 * (a field name, or a field group's name), the clock reading of its last write. The clocks are
 * what last-writer-wins compares; they travel with the document so every replica merges alike.
 * Counter fields also carry their per-replica history ({@link CounterState}).
 */
public record StoredDocument(ObjectNode data, SortedMap<String, Hlc> clocks, SortedMap<String, CounterState> counters) {
    public StoredDocument {
        clocks = Collections.unmodifiableSortedMap(new TreeMap<>(clocks));
        counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
    }

    /** A document without counter histories. */
    public StoredDocument(ObjectNode data, SortedMap<String, Hlc> clocks) {
        this(data, clocks, new TreeMap<>());
    }

    public Hlc clockOf(String unit) {
        return clocks.getOrDefault(unit, Hlc.ZERO);
    }
}
