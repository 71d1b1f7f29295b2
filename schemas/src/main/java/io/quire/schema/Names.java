package io.quire.schema;

import java.util.Optional;
import java.util.regex.Pattern;

/** The naming rules of schemas: one place for the grammar of schema, type, script and field names. */
public final class Names {
    /** Longest field name, in Unicode code points. */
    public static final int MAX_FIELD_NAME_LENGTH = 200;

    /** Grammar of schema, type and script names; they become file and URL path segments, so no case or dots. */
    public static final String NAME_GRAMMAR = "[a-z][a-z0-9_-]{0,63}";

    private static final Pattern NAME = Pattern.compile(NAME_GRAMMAR);

    private Names() {
    }

    /** Whether {@code s} is a valid schema, type or script name ({@value #NAME_GRAMMAR}). */
    public static boolean isName(String s) {
        return NAME.matcher(s).matches();
    }

    /**
     * Why {@code s} cannot name a field (or a field group), or empty when it can.
     *
     * <p>A leading {@code $} is reserved because the server marks special values with such keys
     * ({@code {"$blob": …}}, {@code {"$base64": …}}); a document field of that shape would be ambiguous.
     */
    public static Optional<String> fieldNameProblem(String s) {
        if (s.isEmpty()) return Optional.of(SchemaText.fieldNameEmpty());
        if (s.startsWith("$")) return Optional.of(SchemaText.fieldNameDollar(s));
        if (s.codePointCount(0, s.length()) > MAX_FIELD_NAME_LENGTH) {
            return Optional.of(SchemaText.fieldNameTooLong(MAX_FIELD_NAME_LENGTH));
        }
        return Optional.empty();
    }
}
