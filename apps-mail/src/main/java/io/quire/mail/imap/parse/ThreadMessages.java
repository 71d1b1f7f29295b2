package io.quire.mail.imap.parse;

/**
 * {@code [UID] THREAD algorithm charset keys} (RFC 5256 §3). Named so as not to clash with
 * {@link java.lang.Thread}.
 *
 * @param uid       whether UIDs are returned
 * @param algorithm the threading algorithm
 * @param charset   the charset, upper-cased
 * @param key       the search criteria
 */
public record ThreadMessages(boolean uid, Algorithm algorithm, String charset, SearchKey key) implements Command {
    /** A threading algorithm (RFC 5256 §4, REFS from RFC 9051's registry / RFC 5256bis drafts). */
    public enum Algorithm {
        ORDEREDSUBJECT, REFERENCES, REFS
    }
}
