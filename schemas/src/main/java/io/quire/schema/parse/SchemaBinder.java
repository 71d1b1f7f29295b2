package io.quire.schema.parse;

import io.quire.schema.DocumentType;
import io.quire.schema.FieldType;
import io.quire.schema.Names;
import io.quire.schema.Schema;
import io.quire.schema.SchemaText;
import io.quire.schema.parse.Node.Entry;
import io.quire.schema.parse.Node.Obj;
import io.quire.schema.parse.Node.Pos;
import io.quire.schema.parse.Node.Scalar;
import io.quire.schema.parse.SequenceBinder.PendingCounter;
import io.quire.schema.parse.TypeBinder.TypeDraft;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Turns the tree of a schema text into a {@link Schema}, reporting every problem it finds on the way. */
final class SchemaBinder {
    static final List<String> KEYS = List.of("name", "version", "scripts", "types");
    private static final BigInteger MAX_VERSION = BigInteger.valueOf(Integer.MAX_VALUE);

    private final Problems problems;
    private final Set<String> knownPolicies;

    SchemaBinder(Problems problems, Set<String> knownPolicies) {
        this.problems = problems;
        this.knownPolicies = knownPolicies;
    }

    /** The schema, or empty when any problem was found (all of them are in {@code problems}). */
    Optional<Schema> bind(Node root) {
        Optional<Obj> obj = problems.object(root, "");
        if (obj.isEmpty()) return Optional.empty();
        Obj def = obj.get();
        problems.checkKeys(def, "", KEYS);

        Optional<String> name = problems.required(def, "name", "").flatMap(this::name);
        Optional<Integer> version = problems.required(def, "version", "").flatMap(this::version);
        Map<String, String> scripts = Problems.optional(def, "scripts").map(this::scripts).orElse(Map.of());
        Map<String, TypeDraft> types = problems.required(def, "types", "")
                .map(n -> types(n, new PolicyBinder(problems, knownPolicies, scripts.keySet())))
                .orElse(Map.of());
        checkCounters(types);

        if (!problems.isEmpty() || name.isEmpty() || version.isEmpty()) return Optional.empty();
        Map<String, DocumentType> documentTypes = new LinkedHashMap<>();
        types.forEach((typeName, draft) -> documentTypes.put(typeName, draft.type()));
        return Optional.of(new Schema(name.get(), version.get(), documentTypes, scripts));
    }

    private Optional<String> name(Node node) {
        Optional<String> name = problems.string(node, "name");
        if (name.isPresent() && !Names.isName(name.get())) {
            problems.add(node.pos(), "name", SchemaText.badName("schema name", name.get()));
            return Optional.empty();
        }
        return name;
    }

    private Optional<Integer> version(Node node) {
        if (node instanceof Scalar(Pos p, BigInteger v) && v.signum() > 0 && v.compareTo(MAX_VERSION) <= 0) {
            return Optional.of(v.intValue());
        }
        if (!(node instanceof Node.Invalid)) problems.add(node.pos(), "version", SchemaText.badVersion(Node.describe(node)));
        return Optional.empty();
    }

    /** Script sources by name; a script with problems keeps its name so references to it stay quiet. */
    private Map<String, String> scripts(Node node) {
        Map<String, String> scripts = new TreeMap<>();
        problems.object(node, "scripts").ifPresent(obj -> {
            for (Entry e : obj.entries().values()) {
                String path = Problems.child("scripts", e.key());
                if (!Names.isName(e.key())) problems.add(e.keyPos(), path, SchemaText.badName("script name", e.key()));
                String source = problems.string(e.value(), path).orElse("");
                long bytes = SchemaParser.utf8Length(source);
                if (bytes > SchemaParser.MAX_SCRIPT_BYTES) {
                    problems.add(e.value().pos(), path, SchemaText.scriptTooLarge(bytes, SchemaParser.MAX_SCRIPT_BYTES));
                } else if (source.isBlank() && e.value() instanceof Scalar(Pos p, String s)) {
                    problems.add(p, path, SchemaText.scriptBlank());
                }
                scripts.put(e.key(), source);
            }
        });
        return scripts;
    }

    private Map<String, TypeDraft> types(Node node, PolicyBinder policies) {
        Map<String, TypeDraft> types = new LinkedHashMap<>();
        problems.object(node, "types").ifPresent(obj -> {
            int count = obj.entries().size();
            if (count == 0) problems.add(obj.pos(), "types", SchemaText.emptyTypes());
            if (count > SchemaParser.MAX_TYPES) {
                problems.add(obj.pos(), "types", SchemaText.tooMany("types", count, SchemaParser.MAX_TYPES));
            }
            TypeBinder binder = new TypeBinder(problems, policies);
            for (Entry e : obj.entries().values()) types.put(e.key(), binder.bind(e, "types"));
        });
        return types;
    }

    /** A sequence counter must be a declared integer field of a declared type. */
    private void checkCounters(Map<String, TypeDraft> types) {
        for (TypeDraft draft : types.values()) {
            for (PendingCounter c : draft.counters()) {
                TypeDraft target = types.get(c.ref().type());
                if (target == null) {
                    problems.add(c.typePos(), c.typePath(), SchemaText.counterTypeUndeclared(c.ref().type()));
                    continue;
                }
                FieldDraft field = target.fields().get(c.ref().field());
                if (field == null) {
                    problems.add(c.fieldPos(), c.fieldPath(), SchemaText.counterFieldUndeclared(c.ref().field(), c.ref().type()));
                } else if (field.type().isPresent() && field.type().get() != FieldType.INTEGER) {
                    problems.add(c.fieldPos(), c.fieldPath(),
                            SchemaText.counterFieldNotInteger(c.ref().field(), c.ref().type(), field.type().get()));
                }
            }
        }
    }
}
