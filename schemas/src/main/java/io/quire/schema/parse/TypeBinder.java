package io.quire.schema.parse;

import io.quire.schema.DocumentType;
import io.quire.schema.FieldDef;
import io.quire.schema.FieldGroup;
import io.quire.schema.FieldType;
import io.quire.schema.Names;
import io.quire.schema.OnConflict;
import io.quire.schema.PolicyRef;
import io.quire.schema.SchemaText;
import io.quire.schema.SequenceDef;
import io.quire.schema.parse.Node.Entry;
import io.quire.schema.parse.Node.Obj;
import io.quire.schema.parse.SequenceBinder.PendingCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one entry of {@code types}: its settings, fields, groups and sequences. */
final class TypeBinder {
    static final List<String> KEYS = List.of("onConflict", "strict", "groups", "fields");

    /**
     * A type as read, with what the cross-type checks need.
     *
     * @param fields   every declared field, including those with problems (their type may be unknown)
     * @param counters sequence counters naming other types, checked once all types are read
     */
    record TypeDraft(DocumentType type, Map<String, FieldDraft> fields, List<PendingCounter> counters) {
    }

    private final Problems problems;
    private final PolicyBinder policies;

    TypeBinder(Problems problems, PolicyBinder policies) {
        this.problems = problems;
        this.policies = policies;
    }

    TypeDraft bind(Entry entry, String typesPath) {
        String name = entry.key();
        String path = Problems.child(typesPath, name);
        if (!Names.isName(name)) problems.add(entry.keyPos(), path, SchemaText.badName("type name", name));
        Map<String, FieldDraft> drafts = new LinkedHashMap<>();
        List<PendingCounter> counters = new ArrayList<>();
        Optional<Obj> obj = problems.object(entry.value(), path);
        if (obj.isEmpty()) {
            return new TypeDraft(new DocumentType(name, OnConflict.DELETE_WINS, Map.of(), Map.of(), false), drafts, counters);
        }
        Obj def = obj.get();
        problems.checkKeys(def, path, KEYS);

        String onConflictPath = Problems.child(path, "onConflict");
        OnConflict onConflict = Problems.optional(def, "onConflict")
                .flatMap(n -> problems.string(n, onConflictPath).flatMap(s -> {
                    Optional<OnConflict> c = OnConflict.fromWire(s);
                    if (c.isEmpty()) problems.add(n.pos(), onConflictPath, SchemaText.badOnConflict(s));
                    return c;
                })).orElse(OnConflict.DELETE_WINS);
        boolean strict = Problems.optional(def, "strict")
                .flatMap(n -> problems.bool(n, Problems.child(path, "strict"))).orElse(false);

        String fieldsPath = Problems.child(path, "fields");
        Problems.optional(def, "fields").flatMap(n -> problems.object(n, fieldsPath)).ifPresent(fields -> {
            if (fields.entries().size() > SchemaParser.MAX_FIELDS_PER_TYPE) {
                problems.add(fields.pos(), fieldsPath,
                        SchemaText.tooMany("fields", fields.entries().size(), SchemaParser.MAX_FIELDS_PER_TYPE));
            }
            FieldBinder binder = new FieldBinder(problems, policies);
            for (Entry field : fields.entries().values()) drafts.put(field.key(), binder.bind(field, fieldsPath));
        });

        Map<String, FieldGroup> groups = Problems.optional(def, "groups")
                .map(n -> new GroupBinder(problems, policies).bind(n, Problems.child(path, "groups"), drafts))
                .orElse(Map.of());

        SequenceBinder sequences = new SequenceBinder(problems, drafts);
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        for (FieldDraft d : drafts.values()) {
            Optional<SequenceDef> sequence = d.sequence().flatMap(n -> sequences.bind(d, n, counters));
            fields.put(d.name(), new FieldDef(d.name(), d.type().orElse(FieldType.ANY), d.items(), d.required(),
                    merge(d, groups), sequence));
        }
        return new TypeDraft(new DocumentType(name, onConflict, fields, groups, strict), drafts, counters);
    }

    /**
     * A grouped field is merged by its group's policy, so that is what its {@link FieldDef#merge()}
     * says; a different policy declared on the field itself would be silently ignored, so it is refused.
     */
    private PolicyRef merge(FieldDraft field, Map<String, FieldGroup> groups) {
        Optional<FieldGroup> group = groups.values().stream().filter(g -> g.fields().contains(field.name())).findFirst();
        if (group.isEmpty()) return field.merge().orElse(PolicyRef.lww());
        PolicyRef groupPolicy = group.get().merge();
        if (field.merge().isPresent() && !field.merge().get().equals(groupPolicy)) {
            problems.add(field.mergePos(), Problems.child(field.path(), "merge"),
                    SchemaText.fieldMergeConflictsWithGroup(group.get().name(), SchemaWriter.policyText(groupPolicy)));
        }
        return groupPolicy;
    }
}
