package io.quire.schema.parse;

import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldGroup;
import io.quire.schema.FieldType;
import io.quire.schema.OnConflict;
import io.quire.schema.PolicyRef;
import io.quire.schema.Schema;
import io.quire.schema.SequenceDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random valid schemas for properties: every rule of the parser is followed, and names are drawn
 * from small pools with awkward spellings (quotes, dots, YAML keywords, emoji, control characters)
 * so that references collide and the writers' escaping is exercised.
 */
final class SchemaGenerator {
    private static final List<String> FIELD_NAMES = List.of("a", "b", "name", "uid", "mailbox", "x.y", "with space",
            "quote\"d", "back\\slash", "ünïcödé", "🙂", "tab\there", "new\nline", "~tilde/slash", "yes", "null", "123",
            "true", "- dash", "#hash", "key: value", "'single'", "{brace}", "n".repeat(200));
    private static final List<String> POLICIES_FOR_ANY = List.of("lww", "immutable");

    private SchemaGenerator() {
    }

    static Arbitrary<Schema> schemas() {
        return Arbitraries.randomValue(SchemaGenerator::schema);
    }

    static Schema schema(Random r) {
        Map<String, String> scripts = new TreeMap<>();
        for (int i = r.nextInt(3); i > 0; i--) scripts.put(name(r), text(r));
        List<PolicyRef> scriptRefs = scripts.keySet().stream().<PolicyRef>map(PolicyRef.Script::new).toList();
        Map<String, Map<String, FieldDef>> fields = new LinkedHashMap<>();
        Map<String, Map<String, FieldGroup>> groups = new LinkedHashMap<>();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            String type = name(r);
            fields.put(type, fields(r, scriptRefs));
            groups.put(type, groups(r, fields.get(type), scriptRefs));
        }
        fields.forEach((type, defs) -> sequences(r, defs, fields));
        Map<String, DocumentType> types = new LinkedHashMap<>();
        for (String type : fields.keySet()) {
            types.put(type, new DocumentType(type, pick(r, List.of(OnConflict.values())), fields.get(type),
                    groups.get(type), r.nextBoolean()));
        }
        return new Schema(name(r), 1 + r.nextInt(Integer.MAX_VALUE), types, scripts);
    }

    private static Map<String, FieldDef> fields(Random r, List<PolicyRef> scripts) {
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        for (int i = r.nextInt(7); i > 0; i--) {
            String name = r.nextInt(4) == 0 ? fieldName(r) : pick(r, FIELD_NAMES);
            FieldType type = pick(r, List.of(FieldType.values()));
            FieldType items = type == FieldType.ARRAY ? pick(r, List.of(FieldType.values())) : FieldType.ANY;
            fields.put(name, new FieldDef(name, type, items, r.nextBoolean(), policy(r, type, scripts), Optional.empty()));
        }
        return fields;
    }

    private static PolicyRef policy(Random r, FieldType type, List<PolicyRef> scripts) {
        List<PolicyRef> choices = new ArrayList<>(scripts);
        POLICIES_FOR_ANY.forEach(p -> choices.add(new PolicyRef.Named(p)));
        List<String> typed = switch (type) {
            case INTEGER -> List.of("counter", "max", "min");
            case NUMBER -> List.of("max", "min");
            case STRING -> List.of("max", "min", "text");
            case ARRAY -> List.of("set");
            default -> List.of();
        };
        typed.forEach(p -> choices.add(new PolicyRef.Named(p)));
        return pick(r, choices);
    }

    /** Groups of still ungrouped fields; each member's own policy becomes the group's, as the parser gives. */
    private static Map<String, FieldGroup> groups(Random r, Map<String, FieldDef> fields, List<PolicyRef> scripts) {
        Map<String, FieldGroup> groups = new LinkedHashMap<>();
        List<String> free = new ArrayList<>(fields.keySet());
        for (int i = r.nextInt(3); i > 0 && !free.isEmpty(); i--) {
            String name = r.nextBoolean() ? "g" + i : fieldName(r);
            if (fields.containsKey(name) || groups.containsKey(name)) continue;
            List<String> members = new ArrayList<>();
            for (int n = 1 + r.nextInt(Math.min(3, free.size())); n > 0; n--) members.add(free.remove(r.nextInt(free.size())));
            List<PolicyRef> choices = new ArrayList<>(scripts);
            POLICIES_FOR_ANY.forEach(p -> choices.add(new PolicyRef.Named(p)));
            PolicyRef merge = pick(r, choices);
            groups.put(name, new FieldGroup(name, members, merge));
            for (String m : members) fields.compute(m, (k, f) -> withMerge(f, merge));
        }
        return groups;
    }

    /** Makes some integer fields sequence keys, with a counter in some type's integer field. */
    private static void sequences(Random r, Map<String, FieldDef> defs, Map<String, Map<String, FieldDef>> all) {
        for (FieldDef f : List.copyOf(defs.values())) {
            if (f.type() != FieldType.INTEGER || r.nextInt(3) != 0) continue;
            List<String> others = defs.keySet().stream().filter(n -> !n.equals(f.name())).toList();
            List<String> scope = subset(r, others);
            List<String> orderBy = subset(r, List.copyOf(defs.keySet()));
            Optional<SequenceDef.CounterRef> counter = Optional.empty();
            List<String[]> targets = new ArrayList<>();
            all.forEach((type, fields) -> fields.values().stream().filter(x -> x.type() == FieldType.INTEGER)
                    .forEach(x -> targets.add(new String[] {type, x.name()})));
            if (!scope.isEmpty() && !targets.isEmpty() && r.nextBoolean()) {
                String[] target = pick(r, targets);
                counter = Optional.of(new SequenceDef.CounterRef(target[0], pick(r, scope), target[1]));
            }
            defs.put(f.name(), new FieldDef(f.name(), f.type(), f.items(), f.required(), f.merge(),
                    Optional.of(new SequenceDef(scope, counter, orderBy))));
        }
    }

    private static FieldDef withMerge(FieldDef f, PolicyRef merge) {
        return new FieldDef(f.name(), f.type(), f.items(), f.required(), merge, f.sequence());
    }

    private static List<String> subset(Random r, List<String> from) {
        List<String> pool = new ArrayList<>(from);
        List<String> out = new ArrayList<>();
        for (int n = r.nextInt(Math.min(3, pool.size()) + 1); n > 0; n--) out.add(pool.remove(r.nextInt(pool.size())));
        return out;
    }

    /** A name of the grammar [a-z][a-z0-9_-]{0,63}, mostly short so that names collide. */
    static String name(Random r) {
        String rest = "abcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder b = new StringBuilder().append((char) ('a' + r.nextInt(3)));
        int length = r.nextInt(8) == 0 ? r.nextInt(64) : r.nextInt(3);
        for (int i = 0; i < length; i++) b.append(rest.charAt(r.nextInt(rest.length())));
        return b.toString();
    }

    /** A field name of random characters (no lone surrogates, no leading '$'). */
    private static String fieldName(Random r) {
        String s = text(r);
        return s.startsWith("$") ? "_" + s : s;
    }

    /** Non-blank text mixing ASCII, controls, other scripts and emoji. */
    static String text(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 1 + r.nextInt(20); i > 0; i--) {
            switch (r.nextInt(6)) {
                case 0 -> b.append((char) r.nextInt(0x20));
                case 1 -> b.appendCodePoint(0x1F600 + r.nextInt(0x50));
                case 2 -> b.append((char) (0xA0 + r.nextInt(0xD700 - 0xA0)));
                default -> b.append((char) (0x20 + r.nextInt(0x5F)));
            }
        }
        return b.toString().isBlank() ? b.append('x').toString() : b.toString();
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
