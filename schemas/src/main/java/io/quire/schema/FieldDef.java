package io.quire.schema;

import java.util.Optional;

/**
 * One declared field.
 *
 * @param name     field name
 * @param type     the JSON type of the value
 * @param items    for arrays: the type of each element (ANY when not declared)
 * @param required whether a document must carry a non-null value
 * @param merge    the merge policy of the field (for a field in a group, the group's policy applies)
 * @param sequence when present, the field is a sequence key (see {@link SequenceDef})
 */
public record FieldDef(String name, FieldType type, FieldType items, boolean required, PolicyRef merge,
                       Optional<SequenceDef> sequence) {
}
