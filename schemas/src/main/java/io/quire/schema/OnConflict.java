package io.quire.schema;

/** What a merge gives when one side deleted a document and the other edited it. */
public enum OnConflict {
    /** The document stays deleted; the edit is kept in a conflict record. */
    DELETE_WINS("delete-wins"),
    /** The edited document comes back; the delete is noted in a conflict record. */
    EDIT_WINS("edit-wins");

    private final String wireName;

    OnConflict(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static java.util.Optional<OnConflict> fromWire(String s) {
        for (OnConflict c : values()) if (c.wireName.equals(s)) return java.util.Optional.of(c);
        return java.util.Optional.empty();
    }
}
