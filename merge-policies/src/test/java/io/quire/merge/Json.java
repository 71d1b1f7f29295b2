package io.quire.merge;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.document.DocumentCodec;

/** Test shorthand for JSON values. */
public final class Json {
    private Json() {
    }

    /** Parses JSON text; {@code null} gives JSON null. */
    public static JsonNode json(String text) {
        if (text == null) return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        try {
            return DocumentCodec.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad JSON in a test: " + text, e);
        }
    }

    public static String text(JsonNode n) {
        return DocumentCodec.canonicalString(JsonOrder.orNull(n));
    }
}
