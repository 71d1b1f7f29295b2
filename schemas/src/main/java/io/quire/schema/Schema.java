package io.quire.schema;

import java.util.Map;
import java.util.Optional;

/**
 * An application's schema: its document types and the JavaScript merge policies it names.
 * Stored inside each database ({@code .quire/schema.json}, scripts beside it) so every replica
 * validates and merges with the same rules.
 *
 * @param name    the application's name, e.g. {@code contacts}
 * @param version a positive integer the application raises when it changes the schema
 * @param types   document types by name, in declaration order
 * @param scripts JavaScript sources of scripted merge policies, by policy name
 */
public record Schema(String name, int version, Map<String, DocumentType> types, Map<String, String> scripts) {
    public Schema {
        types = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(types));
        scripts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(scripts));
    }

    public Optional<DocumentType> type(String typeName) {
        return Optional.ofNullable(types.get(typeName));
    }
}
