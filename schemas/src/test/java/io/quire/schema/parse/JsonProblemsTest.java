package io.quire.schema.parse;

import static io.quire.schema.parse.ProblemCase.refuse;
import static io.quire.schema.parse.TestTexts.lines;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON texts give the same problems as YAML ones, at JSON positions. */
class JsonProblemsTest {

    /** A JSON schema with one type {@code t} holding one field {@code a} given on line 7. */
    private static String field(String definition) {
        return lines("{", "  \"name\": \"c\",", "  \"version\": 1,", "  \"types\": {", "    \"t\": {",
                "      \"fields\": {", "        \"a\": " + definition, "      }", "    }", "  }", "}");
    }

    static Stream<ProblemCase> cases() {
        return Stream.of(
                refuse("unknown policy is refused with line and column",
                        field("{ \"type\": \"string\", \"merge\": \"lwv\" }"),
                        "7:43 types.t.fields.a.merge", "unknown merge policy \"lwv\"; did you mean lww?"),
                refuse("misspelt key is refused with a suggestion",
                        field("{ \"type\": \"string\", \"requird\": true }"),
                        "7:34 types.t.fields.a.requird", "did you mean \"required\"?"),
                refuse("counter on a string field is refused",
                        field("{ \"type\": \"string\", \"merge\": \"counter\" }"),
                        "7:43 types.t.fields.a.merge", "merge policy counter applies to integer fields"),
                refuse("duplicate key is refused at the second occurrence",
                        lines("{", "  \"name\": \"c\",", "  \"version\": 1,", "  \"name\": \"d\",", "  \"types\": { \"t\": {} }", "}"),
                        "4:3 name", "duplicate key \"name\" (first given at line 2, column 3)"),
                refuse("trailing comma is a syntax error with line and column",
                        "{\"name\": \"c\",}",
                        "1:14 ", "JSON syntax error: Unexpected character ('}'"),
                refuse("unclosed object is a syntax error at the end",
                        "{\"name\": \"c\"",
                        "1:13 ", "expected close marker for Object (start marker at line 1, column 1)"),
                refuse("comments are not JSON",
                        lines("{", "  // a comment", "  \"name\": \"c\"", "}"),
                        "2:3 ", "JSON syntax error: Unexpected character ('/'"),
                refuse("content after the schema object is refused",
                        lines("{\"name\": \"c\", \"version\": 1, \"types\": {\"t\": {}}}", "{}"),
                        "2:1 ", "unexpected content after the schema object"),
                refuse("missing keys are reported at the opening brace",
                        "  {\"name\": \"c\", \"version\": 1}",
                        "1:3 ", "missing required key \"types\""),
                refuse("fractional version is refused",
                        "{\"name\": \"c\", \"version\": 1.5, \"types\": {\"t\": {}}}",
                        "1:26 version", "found the number 1.5"),
                refuse("null where an object is expected is refused",
                        "{\"name\": \"c\", \"version\": 1, \"types\": {\"t\": null}}",
                        "1:44 types.t", "expected an object, found null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithExactLineColumnAndPath(ProblemCase c) {
        c.check();
    }
}
