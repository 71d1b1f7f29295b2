package io.quire.merge;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.schema.FieldDef;
import java.util.Optional;

/**
 * What a policy sees: the common ancestor's value (empty when the field did not exist there), both
 * sides, and the field's declaration (null for undeclared fields and for groups).
 */
public record MergeInput(Optional<JsonNode> base, Side ours, Side theirs, String fieldName, FieldDef field) {
    /** The same merge with the sides swapped: a policy must give the same value for both. */
    public MergeInput swapped() {
        return new MergeInput(base, theirs, ours, fieldName, field);
    }
}
