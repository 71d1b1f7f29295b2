package io.quire.schema.parse;

/**
 * One thing wrong with a schema text.
 *
 * @param line    1-based line in the schema text (0 when unknown)
 * @param column  1-based column (0 when unknown)
 * @param path    where in the schema, e.g. {@code types.contact.fields.name.merge}
 * @param message what is wrong and what is expected
 */
public record SchemaProblem(int line, int column, String path, String message) {
    @Override
    public String toString() {
        return "line " + line + ", column " + column + (path.isEmpty() ? "" : " (" + path + ")") + ": " + message;
    }
}
