package io.quire.mail.imap.parse;

/**
 * One SORT criterion (RFC 5256 §3, DISPLAYFROM/DISPLAYTO RFC 5957).
 *
 * @param key     what to sort by
 * @param reverse whether {@code REVERSE} preceded it
 */
public record SortCriterion(Key key, boolean reverse) {
    /** A sort key. */
    public enum Key {
        ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO
    }
}
