package io.quire.sdk;

/**
 * A document revision: the Git blob id of the stored document. Equal content has an equal
 * revision. Used for {@code If-Match} / {@code ETag}.
 */
public record Revision(String value) {
    public Revision {
        if (!isHexId(value))
            throw new QuireException.InvalidRequest("invalid revision '" + value + "': expected 40 hex digits");
    }

    /**
     * Whether {@code s} is 40 lower-case hex digits. A loop, not {@code String.matches}: that compiles
     * a regex on every call, and every document listed makes a revision (it showed in profiles of
     * opening a 100,000-message mailbox).
     */
    public static boolean isHexId(String s) {
        if (s == null || s.length() != 40) return false;
        for (int i = 0; i < 40; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) return false;
        }
        return true;
    }

    /** The quoted form used in ETag and If-Match headers. */
    public String etag() {
        return '"' + value + '"';
    }
}
