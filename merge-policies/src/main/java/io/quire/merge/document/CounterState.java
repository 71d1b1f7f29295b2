package io.quire.merge.document;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The replica-by-replica history of a counter field (a PN-counter): how much each replica has
 * added and taken away, each only ever growing. The field's value is their sum.
 *
 * <p>Why not merge counters from values alone ({@code base + Δours + Δtheirs})? Because two merges
 * made on different replicas from different increments can give byte-identical documents (same
 * value, same clock), and a later merge of the two would then see one change where there were two
 * and lose an increment. Per-replica contributions make equal states mean equal histories, so the
 * merge is a pointwise max: deterministic, symmetric, idempotent, and independent of the base.
 */
public record CounterState(SortedMap<String, Long> up, SortedMap<String, Long> down) {
    public static final CounterState EMPTY = new CounterState(new TreeMap<>(), new TreeMap<>());

    public CounterState {
        up = Collections.unmodifiableSortedMap(new TreeMap<>(up));
        down = Collections.unmodifiableSortedMap(new TreeMap<>(down));
    }

    public long value() {
        long v = 0;
        for (long x : up.values()) v += x;
        for (long x : down.values()) v -= x;
        return v;
    }

    /** This state after {@code replica} changed the value by {@code delta}. */
    public CounterState add(String replica, long delta) {
        if (delta == 0) return this;
        TreeMap<String, Long> u = new TreeMap<>(up), d = new TreeMap<>(down);
        if (delta > 0) u.merge(replica, delta, Long::sum);
        else d.merge(replica, -delta, Long::sum);
        return new CounterState(u, d);
    }

    /** The pointwise maximum: what both sides have seen. */
    public static CounterState merge(CounterState a, CounterState b) {
        return new CounterState(max(a.up, b.up), max(a.down, b.down));
    }

    private static TreeMap<String, Long> max(Map<String, Long> a, Map<String, Long> b) {
        TreeMap<String, Long> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Math::max));
        return out;
    }
}
