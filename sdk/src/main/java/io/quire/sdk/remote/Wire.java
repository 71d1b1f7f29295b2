package io.quire.sdk.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import java.util.Optional;

/**
 * The JSON mapper and field helpers shared by both ends of the HTTP API, so the server's encoders
 * and the remote client's decoders cannot drift apart.
 */
public final class Wire {
    /**
     * Strict on input: a duplicate key or trailing garbage is an error, not a silent "last one wins"
     * (two readers of one body must never see different documents).
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Wire() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Serialises a tree to compact UTF-8 JSON. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The required text member {@code field} of {@code node}; {@code where} prefixes the error. */
    public static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual())
            throw new QuireException.InvalidRequest(where + field + ": expected a string");
        return v.asText();
    }

    /** An optional text member: empty when absent or null, an error when of another type. */
    public static Optional<String> optionalText(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual()) throw new QuireException.InvalidRequest(where + field + ": expected a string");
        return Optional.of(v.asText());
    }

    /** An optional revision member (40 hex digits). */
    public static Optional<Revision> optionalRevision(JsonNode node, String field, String where) {
        Optional<String> s = optionalText(node, field, where);
        if (s.isPresent() && !io.quire.sdk.Revision.isHexId(s.get()))
            throw new QuireException.InvalidRequest(where + field + ": expected a revision (40 hex digits)");
        return s.map(Revision::new);
    }

    /** Puts {@code value} or JSON null. */
    public static void putOptional(ObjectNode node, String field, Optional<?> value) {
        if (value.isEmpty()) node.putNull(field);
        else if (value.get() instanceof Revision r) node.put(field, r.value());
        else if (value.get() instanceof JsonNode j) node.set(field, j);
        else node.put(field, value.get().toString());
    }
}
