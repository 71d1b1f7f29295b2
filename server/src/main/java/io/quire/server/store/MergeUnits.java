package io.quire.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.Hlc;
import io.quire.merge.document.DocumentCodec;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldGroup;
import io.quire.schema.PolicyRef;
import io.quire.merge.document.CounterState;
import io.quire.merge.document.StoredDocument;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stamps clocks on a written document: every merge unit (a field group, or a field outside any
 * group) whose value the write changes gets the write's clock reading; unchanged units keep theirs.
 * Last-writer-wins compares these per unit, so a write to one field never overrides a concurrent
 * write to another.
 */
final class MergeUnits {
    private MergeUnits() {
    }

    static TreeMap<String, Hlc> stamp(DocumentType type, Optional<ObjectNode> before, Map<String, Hlc> beforeClocks,
                                      ObjectNode after, Hlc now) {
        TreeMap<String, Hlc> clocks = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>();
        before.ifPresent(b -> b.fieldNames().forEachRemaining(names::add));
        after.fieldNames().forEachRemaining(names::add);
        for (String field : names) {
            Optional<FieldGroup> g = type == null ? Optional.empty() : type.groupOf(field);
            String unit = g.map(FieldGroup::name).orElse(field);
            JsonNode old = before.map(b -> b.get(field)).orElse(NullNode.getInstance());
            JsonNode neu = after.get(field);
            boolean changed = !DocumentCodec.sameValue(nullToNull(old), nullToNull(neu));
            Hlc previous = beforeClocks.get(unit);
            if (changed) clocks.put(unit, now);
            else if (previous != null) clocks.putIfAbsent(unit, previous);
        }
        // A unit whose clock was set by one member must not be lowered by an unchanged member.
        for (Map.Entry<String, Hlc> e : beforeClocks.entrySet())
            if (!clocks.containsKey(e.getKey()) && type != null && type.groups().containsKey(e.getKey()))
                clocks.put(e.getKey(), e.getValue());
        // Clocks of removed fields stay: they are what lets the removal win a later merge by time.
        return clocks;
    }

    /**
     * Updates the replica histories of counter fields: the difference between the written value and
     * the counter's current value is this replica's contribution (see CounterState).
     */
    static TreeMap<String, CounterState> counters(DocumentType type, Optional<StoredDocument> before, ObjectNode after, String replica) {
        TreeMap<String, CounterState> out = new TreeMap<>();
        if (type == null) return out;
        for (FieldDef f : type.fields().values()) {
            if (!(f.merge() instanceof PolicyRef.Named(var name)) || !name.equals("counter") || type.groupOf(f.name()).isPresent()) continue;
            CounterState st = before.map(b -> b.counters().get(f.name())).orElse(null);
            if (st == null) { // no history yet: whatever value the document had counts as this replica's
                long old = before.map(b -> b.data().path(f.name()).asLong(0)).orElse(0L);
                st = CounterState.EMPTY.add(replica, old);
            }
            JsonNode v = after.get(f.name());
            long target = v != null && v.canConvertToLong() ? v.asLong() : 0;
            CounterState next = st.add(replica, target - st.value());
            if (!next.up().isEmpty() || !next.down().isEmpty()) out.put(f.name(), next);
        }
        return out;
    }

    private static JsonNode nullToNull(JsonNode n) {
        return n == null || n.isMissingNode() ? NullNode.getInstance() : n;
    }
}
