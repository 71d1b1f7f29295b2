package io.quire.schema.parse;

import io.quire.schema.FieldType;
import io.quire.schema.Names;
import io.quire.schema.PolicyRef;
import io.quire.schema.SchemaText;
import io.quire.schema.parse.Node.Entry;
import io.quire.schema.parse.Node.Obj;
import io.quire.schema.parse.Node.Pos;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads one entry of a type's {@code fields}: its type, items, required flag and merge policy. */
final class FieldBinder {
    static final List<String> KEYS = List.of("type", "items", "required", "merge", "sequence");
    private static final List<String> TYPE_NAMES = Arrays.stream(FieldType.values()).map(FieldType::wireName).toList();

    private final Problems problems;
    private final PolicyBinder policies;

    FieldBinder(Problems problems, PolicyBinder policies) {
        this.problems = problems;
        this.policies = policies;
    }

    FieldDraft bind(Entry entry, String fieldsPath) {
        String name = entry.key();
        String path = Problems.child(fieldsPath, name);
        Names.fieldNameProblem(name).ifPresent(message -> problems.add(entry.keyPos(), path, message));
        Optional<Obj> obj = problems.object(entry.value(), path);
        if (obj.isEmpty()) {
            return new FieldDraft(name, path, Optional.empty(), FieldType.ANY, false, Optional.empty(),
                    entry.value().pos(), Optional.empty());
        }
        Obj def = obj.get();
        problems.checkKeys(def, path, KEYS);

        String typePath = Problems.child(path, "type");
        Optional<FieldType> type = problems.required(def, "type", path)
                .flatMap(n -> fieldType(n, typePath));

        FieldType items = FieldType.ANY;
        Optional<Entry> itemsEntry = def.entry("items");
        if (itemsEntry.isPresent()) {
            String itemsPath = Problems.child(path, "items");
            Optional<FieldType> declared = fieldType(itemsEntry.get().value(), itemsPath);
            if (type.isPresent() && type.get() != FieldType.ARRAY) {
                problems.add(itemsEntry.get().keyPos(), itemsPath, SchemaText.itemsOnNonArray(type.get()));
            } else if (declared.isPresent()) {
                items = declared.get();
            }
        }

        boolean required = Problems.optional(def, "required")
                .flatMap(n -> problems.bool(n, Problems.child(path, "required"))).orElse(false);

        String mergePath = Problems.child(path, "merge");
        Optional<Node> mergeNode = Problems.optional(def, "merge");
        Optional<PolicyRef> merge = mergeNode.flatMap(n -> policies.bind(n, mergePath));
        Pos mergePos = mergeNode.map(Node::pos).orElse(def.pos());
        if (merge.isPresent() && type.isPresent()) policies.checkApplies(merge.get(), type.get(), mergePos, mergePath);

        return new FieldDraft(name, path, type, items, required, merge, mergePos, Problems.optional(def, "sequence"));
    }

    private Optional<FieldType> fieldType(Node node, String path) {
        return problems.string(node, path).flatMap(s -> {
            Optional<FieldType> t = FieldType.fromWire(s);
            if (t.isEmpty()) problems.add(node.pos(), path, SchemaText.badFieldType(s, Suggest.closest(s, TYPE_NAMES)));
            return t;
        });
    }
}
