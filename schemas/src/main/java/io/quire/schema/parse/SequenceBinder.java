package io.quire.schema.parse;

import io.quire.schema.FieldType;
import io.quire.schema.SchemaText;
import io.quire.schema.SequenceDef;
import io.quire.schema.parse.Node.Obj;
import io.quire.schema.parse.Node.Pos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a field's {@code sequence} and checks the fields it names within the same type. The
 * counter's type and field live in another type, so they are returned as a {@link PendingCounter}
 * and checked once every type is read.
 */
final class SequenceBinder {
    static final List<String> KEYS = List.of("scope", "counter", "orderBy", "mode");
    static final List<String> COUNTER_KEYS = List.of("type", "idField", "field");

    /** A counter reference to check against the other types, with the positions to report at. */
    record PendingCounter(SequenceDef.CounterRef ref, Pos typePos, String typePath, Pos fieldPos, String fieldPath) {
    }

    private final Problems problems;
    private final Map<String, FieldDraft> declared;

    SequenceBinder(Problems problems, Map<String, FieldDraft> declared) {
        this.problems = problems;
        this.declared = declared;
    }

    Optional<SequenceDef> bind(FieldDraft field, Node node, List<PendingCounter> pending) {
        String path = Problems.child(field.path(), "sequence");
        Optional<Obj> obj = problems.object(node, path);
        if (obj.isEmpty()) return Optional.empty();
        Obj def = obj.get();
        problems.checkKeys(def, path, KEYS);
        field.type().filter(t -> t != FieldType.INTEGER)
                .ifPresent(t -> problems.add(def.pos(), path, SchemaText.sequenceOnNonInteger(t)));

        List<String> scope = fieldList(def, "scope", path, field.name());
        List<String> orderBy = fieldList(def, "orderBy", path, null);
        Optional<SequenceDef.CounterRef> counter = Problems.optional(def, "counter")
                .flatMap(n -> counter(n, Problems.child(path, "counter"), scope, pending));
        SequenceDef.Mode mode = SequenceDef.Mode.UNIQUE;
        Optional<Node> modeNode = Problems.optional(def, "mode");
        if (modeNode.isPresent()) {
            String m = modeNode.get() instanceof Node.Scalar sc && sc.value() instanceof String str ? str : null;
            if ("stamp".equals(m)) mode = SequenceDef.Mode.STAMP;
            else if (!"unique".equals(m))
                problems.add(modeNode.get().pos(), Problems.child(path, "mode"), "expected 'unique' or 'stamp'");
        }
        return Optional.of(new SequenceDef(scope, counter, orderBy, mode));
    }

    /** A list of declared, distinct field names; {@code self} (when given) may not be among them. */
    private List<String> fieldList(Obj def, String key, String path, String self) {
        String listPath = Problems.child(path, key);
        List<String> names = new ArrayList<>();
        Optional<Node> node = Problems.optional(def, key);
        if (node.isEmpty()) return names;
        Set<String> seen = new HashSet<>();
        for (Problems.StringItem item : problems.strings(node.get(), listPath)) {
            String name = item.value();
            String itemPath = item.path();
            if (!declared.containsKey(name)) {
                problems.add(item.pos(), itemPath, SchemaText.sequenceFieldUndeclared(key, name));
            } else if (name.equals(self)) {
                problems.add(item.pos(), itemPath, SchemaText.sequenceScopedBySelf());
            } else if (!seen.add(name)) {
                problems.add(item.pos(), itemPath, SchemaText.listedTwice(name));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private Optional<SequenceDef.CounterRef> counter(Node node, String path, List<String> scope,
                                                     List<PendingCounter> pending) {
        Optional<Obj> obj = problems.object(node, path);
        if (obj.isEmpty()) return Optional.empty();
        Obj def = obj.get();
        problems.checkKeys(def, path, COUNTER_KEYS);
        Optional<Node> typeNode = problems.required(def, "type", path);
        Optional<Node> idNode = problems.required(def, "idField", path);
        Optional<Node> fieldNode = problems.required(def, "field", path);
        String typePath = Problems.child(path, "type");
        String idPath = Problems.child(path, "idField");
        String fieldPath = Problems.child(path, "field");
        Optional<String> type = typeNode.flatMap(n -> problems.string(n, typePath));
        Optional<String> idField = idNode.flatMap(n -> problems.string(n, idPath));
        Optional<String> field = fieldNode.flatMap(n -> problems.string(n, fieldPath));
        idField.ifPresent(id -> {
            if (!declared.containsKey(id)) {
                problems.add(idNode.get().pos(), idPath, SchemaText.sequenceFieldUndeclared("counter.idField", id));
            } else if (!scope.contains(id)) {
                // Documents of one sequence share scope values; a counter keyed by anything else
                // would hand two of them the same number from two different counters.
                problems.add(idNode.get().pos(), idPath, SchemaText.counterIdFieldNotInScope(id));
            }
        });
        if (type.isEmpty() || idField.isEmpty() || field.isEmpty()) return Optional.empty();
        SequenceDef.CounterRef ref = new SequenceDef.CounterRef(type.get(), idField.get(), field.get());
        pending.add(new PendingCounter(ref, typeNode.get().pos(), typePath, fieldNode.get().pos(), fieldPath));
        return Optional.of(ref);
    }
}
