package io.quire.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One document type of a schema.
 *
 * @param name       type name, {@code [a-z][a-z0-9_-]{0,63}}
 * @param onConflict what a delete concurrent with an edit of the same document gives
 * @param fields     the declared fields, in declaration order
 * @param groups     field groups: fields merged together as one unit (e.g. a message's mailbox and uid)
 * @param strict     when true, fields not declared are refused; when false they are kept and merged with lww
 */
public record DocumentType(String name, OnConflict onConflict, Map<String, FieldDef> fields,
                           Map<String, FieldGroup> groups, boolean strict) {
    public DocumentType {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    /** The group a field belongs to, if any. */
    public Optional<FieldGroup> groupOf(String fieldName) {
        return groups.values().stream().filter(g -> g.fields().contains(fieldName)).findFirst();
    }
}
