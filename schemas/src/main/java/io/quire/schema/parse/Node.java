package io.quire.schema.parse;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value read from a schema text together with where it starts. Jackson's {@code JsonNode} forgets
 * token locations, and every problem must name its line and column, so the parser builds this tree.
 */
sealed interface Node permits Node.Obj, Node.Arr, Node.Scalar, Node.Invalid {
    Pos pos();

    /** A 1-based line and column in the schema text. */
    record Pos(int line, int column) {
        static final Pos START = new Pos(1, 1);
    }

    /** One key of an object with the key's own position: unknown and duplicate keys are reported there. */
    record Entry(String key, Pos keyPos, Node value) {
    }

    /** An object (JSON) or mapping (YAML), keys in text order; a duplicate key keeps its first value. */
    record Obj(Pos pos, Map<String, Entry> entries) implements Node {
        public Obj {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        Optional<Entry> entry(String key) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    /** An array (JSON) or sequence (YAML). */
    record Arr(Pos pos, List<Node> items) implements Node {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar: {@link String}, {@link Boolean}, {@link BigInteger} (any integer, however large),
     * {@link Double}, or {@code null} for JSON null and an empty YAML value.
     */
    record Scalar(Pos pos, Object value) implements Node {
    }

    /** A value already reported as a problem (a YAML alias, too deep); readers skip it silently. */
    record Invalid(Pos pos) implements Node {
    }

    /** Describes the value for "expected X, found Y" messages. */
    static String describe(Node node) {
        return switch (node) {
            case Obj o -> "an object";
            case Arr a -> "a list";
            case Invalid i -> "an unsupported value";
            case Scalar(Pos p, String s) -> "the string \"" + abbreviate(s) + "\"";
            case Scalar(Pos p, Boolean b) -> "the boolean " + b;
            case Scalar(Pos p, BigInteger i) -> "the integer " + abbreviate(i.toString());
            case Scalar(Pos p, Double d) -> "the number " + d;
            case Scalar s -> "null";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
