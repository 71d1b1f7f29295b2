package io.quire.schema.parse;

import io.quire.schema.FieldType;
import io.quire.schema.PolicyRef;
import io.quire.schema.parse.Node.Pos;
import java.util.Optional;

/**
 * A field as read from its own entry, before groups and sequences (which need the other fields of
 * the type) are resolved. A field whose definition had problems is still a declared name, so that
 * references to it do not cause follow-on problems.
 *
 * @param type     empty when missing or invalid (already reported)
 * @param merge    the explicitly declared policy, if any
 * @param mergePos where {@code merge} was declared
 * @param sequence the unread {@code sequence} value, if any
 */
record FieldDraft(String name, String path, Optional<FieldType> type, FieldType items, boolean required,
                  Optional<PolicyRef> merge, Pos mergePos, Optional<Node> sequence) {
}
