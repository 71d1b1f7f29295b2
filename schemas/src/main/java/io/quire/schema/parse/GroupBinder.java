package io.quire.schema.parse;

import io.quire.schema.FieldGroup;
import io.quire.schema.Names;
import io.quire.schema.PolicyRef;
import io.quire.schema.SchemaText;
import io.quire.schema.parse.Node.Entry;
import io.quire.schema.parse.Node.Obj;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a type's {@code groups}: each a list of declared fields, no field in two groups, and a policy. */
final class GroupBinder {
    static final List<String> KEYS = List.of("fields", "merge");

    private final Problems problems;
    private final PolicyBinder policies;

    GroupBinder(Problems problems, PolicyBinder policies) {
        this.problems = problems;
        this.policies = policies;
    }

    /** The groups by name, in text order. */
    Map<String, FieldGroup> bind(Node node, String path, Map<String, FieldDraft> fields) {
        Map<String, FieldGroup> groups = new LinkedHashMap<>();
        Optional<Obj> obj = problems.object(node, path);
        if (obj.isEmpty()) return groups;
        Map<String, String> owner = new HashMap<>();
        for (Entry entry : obj.get().entries().values()) {
            String name = entry.key();
            String groupPath = Problems.child(path, name);
            Names.fieldNameProblem(name).ifPresent(m -> problems.add(entry.keyPos(), groupPath, m));
            if (fields.containsKey(name)) problems.add(entry.keyPos(), groupPath, SchemaText.groupNameIsField(name));
            problems.object(entry.value(), groupPath)
                    .ifPresent(def -> groups.put(name, group(name, def, groupPath, fields, owner)));
        }
        return groups;
    }

    private FieldGroup group(String name, Obj def, String path, Map<String, FieldDraft> fields,
                             Map<String, String> owner) {
        problems.checkKeys(def, path, KEYS);
        List<String> members = new ArrayList<>();
        String membersPath = Problems.child(path, "fields");
        problems.required(def, "fields", path).ifPresent(list -> {
            if (list instanceof Node.Arr arr && arr.items().isEmpty()) {
                problems.add(list.pos(), membersPath, SchemaText.groupEmpty());
            }
            for (Problems.StringItem item : problems.strings(list, membersPath)) {
                String member = item.value();
                if (!fields.containsKey(member)) {
                    problems.add(item.pos(), item.path(), SchemaText.groupMemberUndeclared(member));
                } else if (members.contains(member)) {
                    problems.add(item.pos(), item.path(), SchemaText.groupMemberRepeated(member));
                } else if (owner.containsKey(member)) {
                    problems.add(item.pos(), item.path(), SchemaText.groupMemberInTwoGroups(member, owner.get(member)));
                } else {
                    owner.put(member, name);
                    members.add(member);
                }
            }
        });
        String mergePath = Problems.child(path, "merge");
        Optional<Node> mergeNode = Problems.optional(def, "merge");
        PolicyRef merge = mergeNode.flatMap(n -> policies.bind(n, mergePath)).orElse(PolicyRef.lww());
        mergeNode.ifPresent(n -> policies.checkWholeValue(merge, n.pos(), mergePath));
        return new FieldGroup(name, members, merge);
    }
}
