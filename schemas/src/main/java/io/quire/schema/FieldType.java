package io.quire.schema;

/** The JSON type a field's value must have. {@code BLOB} values are stored as separate Git blobs. */
public enum FieldType {
    STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY, BLOB, ANY;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<FieldType> fromWire(String s) {
        for (FieldType t : values()) if (t.wireName().equals(s)) return java.util.Optional.of(t);
        return java.util.Optional.empty();
    }
}
