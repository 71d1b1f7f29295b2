package io.quire.schema.parse;

import static io.quire.schema.parse.ProblemCase.refuse;
import static io.quire.schema.parse.TestTexts.lines;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML texts that are well formed but break a rule: policies, groups, sequences and their counters. */
class RuleProblemsTest {
    private static final String[] HEAD = {"name: c", "version: 1", "types:", "  t:", "    fields:"};

    /** A schema with one type {@code t} whose fields are the given lines (starting at line 6). */
    private static String fields(String... fieldLines) {
        return lines(Stream.concat(Stream.of(HEAD), Stream.of(fieldLines)).toArray(String[]::new));
    }

    static Stream<ProblemCase> cases() {
        return Stream.of(
                refuse("unknown policy is refused with line and column",
                        fields("      a: { type: string, merge: lwv }"),
                        "6:33 types.t.fields.a.merge", "unknown merge policy \"lwv\"; did you mean lww?"),
                refuse("bare script name as policy points at the script form",
                        lines("name: c", "version: 1", "scripts: { keep: 'function merge(b, o, t) { return o; }' }",
                                "types: { t: { fields: { a: { type: string, merge: keep } } } }"),
                        "4:51 types.t.fields.a.merge", "did you mean {script: keep}?"),
                refuse("script policy not declared in scripts is refused",
                        lines("name: c", "version: 1", "scripts:", "  keep: \"function merge(b, o, t) { return o; }\"",
                                "types:", "  t:", "    fields:", "      a: { type: string, merge: { script: kept } }"),
                        "8:43 types.t.fields.a.merge.script", "script \"kept\" is not declared in scripts; declared: keep"),
                refuse("script policy without scripts is refused",
                        fields("      a: { type: string, merge: { script: kept } }"),
                        "6:43 types.t.fields.a.merge.script", "the schema declares no scripts"),
                refuse("unknown key in a script policy is refused",
                        fields("      a: { type: string, merge: { scirpt: kept } }"),
                        "6:33 types.t.fields.a.merge", "missing required key \"script\"",
                        "6:35 types.t.fields.a.merge.scirpt", "did you mean \"script\"?"),
                refuse("counter on a string field is refused",
                        fields("      a: { type: string, merge: counter }"),
                        "6:33 types.t.fields.a.merge", "merge policy counter applies to integer fields; this field is of type string"),
                refuse("set on an integer field is refused",
                        fields("      a: { type: integer, merge: set }"),
                        "6:34 types.t.fields.a.merge", "merge policy set applies to array fields"),
                refuse("max on a boolean field is refused",
                        fields("      a: { type: boolean, merge: max }"),
                        "6:34 types.t.fields.a.merge", "applies to string, integer, number fields"),
                refuse("min on an array field is refused",
                        fields("      a: { type: array, merge: min }"),
                        "6:32 types.t.fields.a.merge", "merge policy min applies to string, integer, number fields"),
                refuse("text on an integer field is refused",
                        fields("      a: { type: integer, merge: text }"),
                        "6:34 types.t.fields.a.merge", "merge policy text applies to string fields"),
                refuse("counter on an any field is refused",
                        fields("      a: { type: any, merge: counter }"),
                        "6:30 types.t.fields.a.merge", "this field is of type any"),
                refuse("group member that is not a declared field is refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    groups:", "      g: { fields: [a, b] }",
                                "    fields:", "      a: { type: string }"),
                        "6:24 types.t.groups.g.fields[1]", "\"b\" is not a declared field of this type"),
                refuse("field in two groups is refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    groups:", "      g: { fields: [a] }",
                                "      h: { fields: [a] }", "    fields:", "      a: { type: string }"),
                        "7:21 types.t.groups.h.fields[0]", "already in group \"g\""),
                refuse("field listed twice in one group is refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    groups:", "      g: { fields: [a, a] }",
                                "    fields:", "      a: { type: string }"),
                        "6:24 types.t.groups.g.fields[1]", "listed twice in this group"),
                refuse("group named like a field is refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    groups:", "      a: { fields: [b] }",
                                "    fields:", "      a: { type: string }", "      b: { type: string }"),
                        "6:7 types.t.groups.a", "group name \"a\" is also a field name"),
                refuse("empty group is refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    groups:", "      g: { fields: [] }"),
                        "6:20 types.t.groups.g.fields", "at least one field"),
                refuse("single-value policy on a group is refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    groups:", "      g: { fields: [a], merge: max }",
                                "    fields:", "      a: { type: integer }"),
                        "6:32 types.t.groups.g.merge", "a group is merged as one unit"),
                refuse("grouped field declaring another policy than its group is refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    groups:", "      g: { fields: [a] }",
                                "    fields:", "      a: { type: string, merge: immutable }"),
                        "8:33 types.t.fields.a.merge", "this field is in group \"g\", merged as one unit with lww"),
                refuse("sequence on a string field is refused",
                        fields("      a: { type: string, sequence: {} }"),
                        "6:36 types.t.fields.a.sequence", "a sequence key must be an integer field"),
                refuse("sequence scope and orderBy naming undeclared fields are refused",
                        fields("      uid:", "        type: integer", "        sequence: { scope: [box], orderBy: [date] }"),
                        "8:29 types.t.fields.uid.sequence.scope[0]", "scope names \"box\", which is not a declared field",
                        "8:45 types.t.fields.uid.sequence.orderBy[0]", "orderBy names \"date\""),
                refuse("sequence scoped by itself is refused",
                        fields("      uid: { type: integer, sequence: { scope: [uid] } }"),
                        "6:49 types.t.fields.uid.sequence.scope[0]", "cannot be scoped by its own field"),
                refuse("misspelt sequence key is refused",
                        fields("      uid: { type: integer, sequence: { scopes: [] } }"),
                        "6:41 types.t.fields.uid.sequence.scopes", "did you mean \"scope\"?"),
                refuse("counter idField undeclared and counter field not integer are refused",
                        counter("{ type: box, idField: mailbox, field: next }"),
                        "14:42 types.msg.fields.uid.sequence.counter.idField", "counter.idField names \"mailbox\"",
                        "14:58 types.msg.fields.uid.sequence.counter.field", "must be an integer field, it is string"),
                refuse("counter type that is not declared is refused",
                        counter("{ type: boxes, idField: box, field: next }"),
                        "14:28 types.msg.fields.uid.sequence.counter.type", "\"boxes\" is not a declared document type"),
                refuse("counter field not declared in the counter type is refused",
                        counter("{ type: box, idField: box, field: nxt }"),
                        "14:54 types.msg.fields.uid.sequence.counter.field", "\"nxt\" is not a declared field of type \"box\""),
                refuse("counter with a missing key is refused at the counter",
                        counter("{ type: box, field: next }"),
                        "14:20 types.msg.fields.uid.sequence.counter", "missing required key \"idField\""));
    }

    /** Type {@code msg} with a {@code uid} sequence scoped by {@code box} and the given counter (line 14). */
    private static String counter(String counter) {
        return lines("name: c", "version: 1", "types:", "  box:", "    fields:", "      next: { type: string }",
                "  msg:", "    fields:", "      box: { type: string }", "      uid:", "        type: integer",
                "        sequence:", "          scope: [box]", "          counter: " + counter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithExactLineColumnAndPath(ProblemCase c) {
        c.check();
    }
}
