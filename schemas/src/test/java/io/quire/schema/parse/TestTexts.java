package io.quire.schema.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Schema texts for tests: the tested examples under {@code src/test/resources/examples}, and line joining. */
final class TestTexts {
    private TestTexts() {
    }

    static String example(String name) {
        try (InputStream in = TestTexts.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) throw new IllegalArgumentException("no example " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines joined with {@code \n}, so a test reads like the text it parses. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Each problem as {@code line:column path}, the part of a problem tests pin exactly. */
    static List<String> where(SchemaException e) {
        return e.problems().stream().map(p -> p.line() + ":" + p.column() + " " + p.path()).toList();
    }
}
