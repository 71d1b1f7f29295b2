package io.quire.schema.parse;

import io.quire.schema.FieldType;
import io.quire.schema.PolicyRef;
import io.quire.schema.SchemaText;
import io.quire.schema.parse.Node.Pos;
import io.quire.schema.parse.Node.Scalar;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a {@code merge} value (a policy name or {@code {script: NAME}}) and checks where it applies. */
final class PolicyBinder {
    /**
     * The built-in policies that only make sense for some field types; every other policy (lww,
     * immutable, registered ones, scripts) takes any value.
     */
    private static final Map<String, Set<FieldType>> APPLIES_TO = Map.of(
            "counter", EnumSet.of(FieldType.INTEGER),
            "max", EnumSet.of(FieldType.INTEGER, FieldType.NUMBER, FieldType.STRING),
            "min", EnumSet.of(FieldType.INTEGER, FieldType.NUMBER, FieldType.STRING),
            "set", EnumSet.of(FieldType.ARRAY),
            "text", EnumSet.of(FieldType.STRING));

    private static final List<String> SCRIPT_KEYS = List.of("script");

    private final Problems problems;
    private final Set<String> knownPolicies;
    private final Set<String> scripts;

    PolicyBinder(Problems problems, Set<String> knownPolicies, Set<String> scripts) {
        this.problems = problems;
        this.knownPolicies = knownPolicies;
        this.scripts = scripts;
    }

    /** The policy {@code node} names, or empty after reporting why it names none. */
    Optional<PolicyRef> bind(Node node, String path) {
        if (node instanceof Scalar(Pos pos, String name)) {
            if (knownPolicies.contains(name)) return Optional.of(new PolicyRef.Named(name));
            // A bare script name is the likeliest slip: point at the {script: …} form.
            Optional<String> hint = scripts.contains(name) ? Optional.of("{script: " + name + "}")
                    : Suggest.closest(name, knownPolicies);
            problems.add(pos, path, SchemaText.unknownPolicy(name, knownPolicies, hint));
            return Optional.empty();
        }
        if (node instanceof Node.Obj obj) {
            problems.checkKeys(obj, path, SCRIPT_KEYS);
            String scriptPath = Problems.child(path, "script");
            return problems.required(obj, "script", path)
                    .flatMap(n -> problems.string(n, scriptPath).flatMap(name -> {
                        if (scripts.contains(name)) return Optional.of(new PolicyRef.Script(name));
                        problems.add(n.pos(), scriptPath, SchemaText.unknownScript(name, scripts));
                        return Optional.empty();
                    }));
        }
        return problems.wrong(node, path, "a policy name or {script: NAME}");
    }

    /** Reports a policy that cannot merge values of {@code type}. */
    void checkApplies(PolicyRef policy, FieldType type, Pos pos, String path) {
        if (policy instanceof PolicyRef.Named(String name) && APPLIES_TO.containsKey(name)
                && !APPLIES_TO.get(name).contains(type)) {
            problems.add(pos, path, SchemaText.policyNotApplicable(name, type, APPLIES_TO.get(name)));
        }
    }

    /** Reports a single-value policy used for a group, which is merged as one whole unit. */
    void checkWholeValue(PolicyRef policy, Pos pos, String path) {
        if (policy instanceof PolicyRef.Named(String name) && APPLIES_TO.containsKey(name)) {
            problems.add(pos, path, SchemaText.groupPolicyNotWholeValue(name));
        }
    }
}
