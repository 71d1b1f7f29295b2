package io.quire.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A document read from a database. Blob fields hold a reference {@code {"$blob":"<id>","size":n}};
 * read the bytes with {@link Database#blob(String)}.
 */
public record Document(DocumentId id, Revision rev, ObjectNode data) {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    /** The data bound to a Java type with Jackson. */
    public <T> T as(Class<T> type) {
        try {
            return MAPPER.treeToValue(data, type);
        } catch (Exception e) {
            throw new QuireException.InvalidRequest("document " + id + " does not bind to " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
