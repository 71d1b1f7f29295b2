package io.quire.merge.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.JsonOrder;
import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldGroup;
import io.quire.schema.PolicyRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a document merge resolves as one value: a field outside any group, or a whole field group.
 *
 * <p>A group's value is an object holding its members that are present (JSON null when none is),
 * so a group's policy chooses all members from one side and never mixes them: a message's
 * {@code mailbox} and {@code uid} move together. The unit's clock is {@code clocks.get(name)}.
 *
 * @param name    the field name, or the group name
 * @param members the group's member fields; empty for a plain field
 * @param group   whether this unit is a field group
 * @param policy  the policy that merges it (undeclared fields: last writer wins)
 * @param field   the field's declaration, null for groups and undeclared fields
 */
record MergeUnit(String name, List<String> members, boolean group, PolicyRef policy, FieldDef field) {
    /**
     * The units of a merge over documents of {@code type}: every group, and every field or clock
     * name found in the documents that no group claims, in name order.
     */
    static List<MergeUnit> of(DocumentType type, List<StoredDocument> docs) {
        List<MergeUnit> units = new ArrayList<>();
        type.groups().values().stream().sorted(java.util.Comparator.comparing(FieldGroup::name))
                .forEach(g -> units.add(new MergeUnit(g.name(), g.fields(), true, orLww(g.merge()), null)));
        TreeSet<String> names = new TreeSet<>();
        for (StoredDocument d : docs) {
            for (Iterator<String> it = d.data().fieldNames(); it.hasNext(); ) names.add(it.next());
            // A clock outlives its field: it is the time of a delete, which lww must still see.
            names.addAll(d.clocks().keySet());
        }
        for (String n : names) {
            if (type.groups().containsKey(n) || type.groupOf(n).isPresent()) continue;
            Optional<FieldDef> def = type.field(n);
            units.add(new MergeUnit(n, List.of(), false, orLww(def.map(FieldDef::merge).orElse(null)), def.orElse(null)));
        }
        return units;
    }

    private static PolicyRef orLww(PolicyRef ref) {
        return ref == null ? PolicyRef.lww() : ref;
    }

    /** The unit's value in a document; JSON null when absent (or when the document is absent). */
    JsonNode valueIn(Optional<StoredDocument> doc) {
        if (doc.isEmpty()) return NullNode.getInstance();
        ObjectNode data = doc.get().data();
        if (!group) return JsonOrder.orNull(data.get(name));
        ObjectNode value = DocumentCodec.MAPPER.createObjectNode();
        for (String m : members) {
            JsonNode v = data.get(m);
            if (!JsonOrder.isAbsent(v)) value.set(m, v);
        }
        return value.isEmpty() ? NullNode.getInstance() : value;
    }

    /** Whether {@code value} is something this unit can hold (a group takes an object of its members). */
    boolean accepts(JsonNode value) {
        if (value == null || value.isMissingNode()) return false;
        if (!group || value.isNull()) return true;
        if (!value.isObject()) return false;
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) if (!members.contains(it.next())) return false;
        return true;
    }

    /** Writes the unit's merged value into {@code data}; absent values write nothing. */
    void writeTo(ObjectNode data, JsonNode value) {
        if (!group) {
            if (!JsonOrder.isAbsent(value)) data.set(name, value);
            return;
        }
        if (JsonOrder.isAbsent(value)) return;
        for (String m : members) {
            JsonNode v = value.get(m);
            if (!JsonOrder.isAbsent(v)) data.set(m, v);
        }
    }

    String policyName() {
        return switch (policy) {
            case PolicyRef.Named(var n) -> n;
            case PolicyRef.Script(var n) -> "script:" + n;
        };
    }
}
