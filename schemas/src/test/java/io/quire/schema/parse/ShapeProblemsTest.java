package io.quire.schema.parse;

import static io.quire.schema.parse.ProblemCase.refuse;
import static io.quire.schema.parse.TestTexts.lines;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML texts with syntax errors, unknown, duplicate or missing keys, and values of the wrong kind. */
class ShapeProblemsTest {

    static Stream<ProblemCase> cases() {
        return Stream.of(
                refuse("yaml syntax error is refused with line and column",
                        lines("name: c: d"),
                        "1:8 ", "YAML syntax error: mapping values are not allowed here"),
                refuse("misspelt field key is refused with a suggestion",
                        lines("name: c", "version: 1", "types:", "  t:", "    fields:",
                                "      a: { type: string, requird: true }"),
                        "6:26 types.t.fields.a.requird", "unknown key \"requird\"; did you mean \"required\"?"),
                refuse("misspelt root key is refused and the missing key named",
                        lines("name: c", "version: 1", "typse: { t: {} }"),
                        "1:1 ", "missing required key \"types\"",
                        "3:1 typse", "did you mean \"types\"?"),
                refuse("duplicate key is refused at the second occurrence",
                        lines("name: c", "version: 1", "name: d", "types: { t: {} }"),
                        "3:1 name", "duplicate key \"name\" (first given at line 1, column 1)"),
                refuse("missing field type is reported at the start of the field",
                        lines("name: c", "version: 1", "types:", "  t:", "    fields:", "      a: { required: true }"),
                        "6:10 types.t.fields.a", "missing required key \"type\""),
                refuse("values of the wrong kind are each refused",
                        lines("name: c", "version: \"1\"", "types:", "  t:", "    strict: \"no\"", "    fields:",
                                "      a: { type: string, required: 1 }"),
                        "2:10 version", "found the string \"1\"",
                        "5:13 types.t.strict", "expected a boolean (true or false), found the string \"no\"",
                        "7:36 types.t.fields.a.required", "found the integer 1"),
                refuse("zero version is refused",
                        lines("name: c", "version: 0", "types: { t: {} }"),
                        "2:10 version", "positive integer"),
                refuse("version beyond an int is refused",
                        lines("name: c", "version: 4294967296", "types: { t: {} }"),
                        "2:10 version", "found the integer 4294967296"),
                refuse("yaml infinity is a wrong value, not a syntax error",
                        lines("name: c", "version: .inf", "types: { t: {} }"),
                        "2:10 version", "found the number Infinity"),
                refuse("empty types map is refused",
                        lines("name: c", "version: 1", "types: {}"),
                        "3:8 types", "at least one document type"),
                refuse("bad schema name is refused",
                        lines("name: Contacts", "version: 1", "types: { t: {} }"),
                        "1:7 name", "not a valid schema name"),
                refuse("bad type name is refused at the key",
                        lines("name: c", "version: 1", "types:", "  Contact: {}"),
                        "4:3 types.Contact", "\"Contact\" is not a valid type name"),
                refuse("unknown field type is refused with a suggestion",
                        lines("name: c", "version: 1", "types:", "  t:", "    fields:", "      a: { type: strng }"),
                        "6:18 types.t.fields.a.type", "unknown field type \"strng\"; did you mean \"string\"?"),
                refuse("items on a non-array field is refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    fields:",
                                "      a: { type: string, items: string }"),
                        "6:26 types.t.fields.a.items", "items applies only to array fields"),
                refuse("unknown onConflict is refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    onConflict: keep-both"),
                        "5:17 types.t.onConflict", "expected delete-wins, edit-wins"),
                refuse("field names starting with a dollar are refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    fields:", "      $id: { type: string }"),
                        "6:7 types.t.fields.$id", "must not start with '$'"),
                refuse("bad script name and blank script are both refused",
                        lines("name: c", "version: 1", "scripts:", "  Keep: \"  \"", "types: { t: {} }"),
                        "4:3 scripts.Keep", "not a valid script name",
                        "4:9 scripts.Keep", "script source is blank"),
                refuse("yaml alias is refused",
                        lines("name: c", "version: 1", "types:", "  t:", "    fields:", "      a: &def { type: string }",
                                "      b: *def"),
                        "7:10 types.t.fields.b", "YAML aliases"),
                refuse("second yaml document is refused",
                        lines("name: c", "version: 1", "types: { t: {} }", "---", "name: d"),
                        "5:1 ", "a second YAML document"),
                refuse("a list is not a schema",
                        lines("- a"),
                        "1:1 ", "expected an object, found a list"),
                refuse("a blank text is not a schema",
                        " \n# nothing but a comment\n",
                        "1:1 ", "the schema text is empty"),
                refuse("values nested too deep are refused once",
                        lines("x: " + "[".repeat(40) + "]".repeat(40), "name: c", "version: 1", "types: { t: {} }"),
                        "1:1 x", "unknown key \"x\"",
                        "1:35 x" + "[0]".repeat(31), "nested more than 32 levels deep"),
                refuse("every problem of a text is reported, in text order",
                        lines("name: c", "version: -1", "types:", "  t:", "    onConflict: never", "    fields:",
                                "      a: { type: text }", "      b: { type: integer, merge: sum }"),
                        "2:10 version", "positive integer",
                        "5:17 types.t.onConflict", "unknown onConflict",
                        "7:18 types.t.fields.a.type", "unknown field type \"text\"",
                        "8:34 types.t.fields.b.merge", "unknown merge policy \"sum\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithExactLineColumnAndPath(ProblemCase c) {
        c.check();
    }
}
