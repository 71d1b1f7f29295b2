package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.SequenceSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A SEARCH criterion tree covering every key of RFC 3501 §6.4.4 and RFC 9051 §6.4.4, plus MODSEQ
 * (RFC 7162 §3.1.5) and OLDER/YOUNGER (RFC 5032).
 *
 * <p>Keys with the same meaning share a record: ANSWERED, DELETED, DRAFT, FLAGGED, SEEN, RECENT and
 * KEYWORD are {@link HasFlag}; their UN- forms and OLD are {@link LacksFlag}; NEW is
 * {@code And(HasFlag(\Recent), LacksFlag(\Seen))} as RFC 3501 defines it. String arguments are decoded
 * with the command's CHARSET.
 */
public sealed interface SearchKey {

    /** {@code ALL}. */
    record All() implements SearchKey {
    }

    /** A parenthesised list, or several keys side by side: all must match. */
    record And(List<SearchKey> keys) implements SearchKey {
        /** Copies the keys. */
        public And {
            keys = List.copyOf(keys);
        }
    }

    /** {@code OR key1 key2}. */
    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    /** {@code NOT key}. */
    record Not(SearchKey key) implements SearchKey {
    }

    /** A bare sequence set: message sequence numbers. */
    record Sequence(SequenceSet set) implements SearchKey {
    }

    /** {@code UID set}. */
    record Uid(SequenceSet set) implements SearchKey {
    }

    /** Messages with the flag set: ANSWERED, DELETED, DRAFT, FLAGGED, SEEN, RECENT, {@code KEYWORD k}. */
    record HasFlag(Flag flag) implements SearchKey {
    }

    /** Messages without the flag: UNANSWERED, …, UNSEEN, OLD, {@code UNKEYWORD k}. */
    record LacksFlag(Flag flag) implements SearchKey {
    }

    /** {@code FROM}, {@code TO}, {@code CC} or {@code BCC} with a substring of the address field. */
    record Address(AddressField field, String value) implements SearchKey {
    }

    /** {@code SUBJECT s}. */
    record Subject(String value) implements SearchKey {
    }

    /** {@code HEADER field-name s}; an empty {@code s} matches every message having the field. */
    record Header(String field, String value) implements SearchKey {
    }

    /** {@code BODY s}: substring of the body. */
    record Body(String value) implements SearchKey {
    }

    /** {@code TEXT s}: substring of header or body. */
    record Text(String value) implements SearchKey {
    }

    /**
     * BEFORE/ON/SINCE (internal date) and SENTBEFORE/SENTON/SENTSINCE (Date: header), day granularity,
     * ignoring time and time zone (RFC 9051 §6.4.4).
     */
    record Date(DateField field, DateComparison comparison, LocalDate date) implements SearchKey {
    }

    /** {@code LARGER n}: RFC822.SIZE greater than n. */
    record Larger(long size) implements SearchKey {
    }

    /** {@code SMALLER n}: RFC822.SIZE less than n. */
    record Smaller(long size) implements SearchKey {
    }

    /** {@code OLDER n}: internal date more than n seconds ago (RFC 5032). */
    record Older(long seconds) implements SearchKey {
    }

    /** {@code YOUNGER n}: internal date at most n seconds ago (RFC 5032). */
    record Younger(long seconds) implements SearchKey {
    }

    /**
     * {@code MODSEQ ["/flags/\Seen" priv|shared|all] n}: mod-sequence at least n (RFC 7162 §3.1.5).
     *
     * @param entryName the metadata entry name, if given
     * @param entryType {@code priv}, {@code shared} or {@code all}, if given
     * @param modSeq    the mod-sequence value
     */
    record ModSeq(Optional<String> entryName, Optional<String> entryType, long modSeq) implements SearchKey {
    }

    /** The address header a key looks in. */
    enum AddressField {
        FROM, TO, CC, BCC
    }

    /** Which date a date key compares. */
    enum DateField {
        /** The internal date. */
        INTERNAL,
        /** The Date: header. */
        SENT
    }

    /** How a date key compares. */
    enum DateComparison {
        BEFORE, ON, SINCE
    }
}
