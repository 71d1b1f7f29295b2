package io.quire.merge.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A non-trivial resolution of one merge unit (field, group, or the whole document for
 * delete-vs-edit): the ancestor's value, both sides', the applied winner and why.
 * A deleted side's value is {@code NullNode}; {@code field} is {@code "*"} for delete-vs-edit.
 */
public record FieldConflict(String field, Optional<JsonNode> ancestor, JsonNode ours, JsonNode theirs,
                            JsonNode winner, String reason) {
}
