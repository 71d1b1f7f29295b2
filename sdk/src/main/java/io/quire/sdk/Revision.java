package io.quire.sdk;

/**
 * A document revision: the Git blob id of the stored document. Equal content has an equal
 * revision. Used for {@code If-Match} / {@code ETag}.
 */
public record Revision(String value) {
    public Revision {
        if (value == null || !value.matches("[0-9a-f]{40}"))
            throw new QuireException.InvalidRequest("invalid revision '" + value + "': expected 40 hex digits");
    }

    /** The quoted form used in ETag and If-Match headers. */
    public String etag() {
        return '"' + value + '"';
    }
}
