package io.quire.schema;

import java.util.List;

/**
 * Fields merged as one unit: a merge takes all of them from one side, never a mix
 * (a message's {@code mailbox} and {@code uid} move together).
 *
 * @param name   group name, unique within the type and distinct from every field name
 * @param fields the member fields, each declared in the type
 * @param merge  the group's policy (only whole-value policies make sense: lww, or a script)
 */
public record FieldGroup(String name, List<String> fields, PolicyRef merge) {
    public FieldGroup {
        fields = List.copyOf(fields);
    }
}
