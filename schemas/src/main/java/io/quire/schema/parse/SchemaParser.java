package io.quire.schema.parse;

import io.quire.schema.PolicyRef;
import io.quire.schema.Schema;
import io.quire.schema.SchemaText;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a schema from JSON or YAML text, refusing it with every problem found, each with its line,
 * column and path (e.g. {@code types.contact.fields.name.merge}).
 *
 * <p>A text whose first non-blank character is <code>{</code> is read as JSON, anything else as YAML.
 * The format is described in the module's {@code README.md}. Problems are reported where they are:
 * a bad value at the value, an unknown or duplicate key at the key, a missing key at the start of the
 * object that lacks it.
 */
public final class SchemaParser {
    /** Longest schema text, in UTF-8 bytes (1 MiB). */
    public static final int MAX_TEXT_BYTES = 1 << 20;
    /** Most document types in one schema. */
    public static final int MAX_TYPES = 200;
    /** Most declared fields in one type. */
    public static final int MAX_FIELDS_PER_TYPE = 500;
    /** Longest script source, in UTF-8 bytes (256 KiB). */
    public static final int MAX_SCRIPT_BYTES = 256 << 10;

    private SchemaParser() {
    }

    /** Reads a schema whose merge policies are the built-ins ({@link PolicyRef#BUILTIN}) and its scripts. */
    public static Schema parse(String text) throws SchemaException {
        return parse(text, PolicyRef.BUILTIN);
    }

    /**
     * Reads a schema that may also name the policies in {@code knownPolicyNames} (e.g. registered with
     * the merge-policy registry at runtime); the built-ins are always known.
     */
    public static Schema parse(String text, Set<String> knownPolicyNames) throws SchemaException {
        Objects.requireNonNull(text, "text");
        Set<String> known = new HashSet<>(PolicyRef.BUILTIN);
        known.addAll(knownPolicyNames);
        long bytes = utf8Length(text);
        if (bytes > MAX_TEXT_BYTES) {
            // Refuse before parsing: the limit exists to bound the work done on untrusted input.
            throw new SchemaException(List.of(new SchemaProblem(1, 1, "", SchemaText.textTooLarge(bytes, MAX_TEXT_BYTES))));
        }
        Problems problems = new Problems();
        Optional<Schema> schema = TreeReader.read(text, problems)
                .flatMap(root -> new SchemaBinder(problems, Set.copyOf(known)).bind(root));
        if (schema.isEmpty() || !problems.isEmpty()) throw new SchemaException(problems.sorted());
        return schema.get();
    }

    /** The length of {@code s} encoded as UTF-8, without encoding it (a lone surrogate counts as '?'). */
    static long utf8Length(CharSequence s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) bytes += 1;
            else bytes += 3;
        }
        return bytes;
    }
}
