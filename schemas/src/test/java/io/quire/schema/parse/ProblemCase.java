package io.quire.schema.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * One row of a problem table: a schema text, and each problem it must give as {@code line:column path}
 * with a fragment of its message, in text order.
 */
record ProblemCase(String name, String text, List<String> where, List<String> says) {

    static ProblemCase refuse(String name, String text, String... expected) {
        if (expected.length % 2 != 0) throw new IllegalArgumentException("expected pairs of where and message fragment");
        List<String> where = new java.util.ArrayList<>();
        List<String> says = new java.util.ArrayList<>();
        for (int i = 0; i < expected.length; i += 2) {
            where.add(expected[i]);
            says.add(expected[i + 1]);
        }
        return new ProblemCase(name, text, where, says);
    }

    /** Parses the text and checks the problems: positions and paths exactly, messages by fragment. */
    void check() {
        SchemaException e = assertThrows(SchemaException.class, () -> SchemaParser.parse(text));
        assertEquals(where, TestTexts.where(e), () -> "problems: " + e.problems());
        for (int i = 0; i < says.size(); i++) {
            String message = e.problems().get(i).message();
            String fragment = says.get(i);
            assertTrue(message.contains(fragment), () -> "\"" + message + "\" should contain \"" + fragment + "\"");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
