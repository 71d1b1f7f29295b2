package io.quire.mail.imap.parse;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code [UID] SORT [RETURN (...)] (criteria) charset keys} (RFC 5256 §3, ESORT RFC 5267).
 *
 * @param uid           whether UIDs are returned
 * @param criteria      at least one criterion, in priority order
 * @param charset       the charset, upper-cased
 * @param key           the search criteria
 * @param returnOptions ESORT RETURN options, if given
 */
public record Sort(boolean uid, List<SortCriterion> criteria, String charset, SearchKey key,
                   Optional<Set<SearchReturn>> returnOptions) implements Command {
    /** Copies the criteria. */
    public Sort {
        criteria = List.copyOf(criteria);
    }
}
