package io.quire.mail.imap.parse;

import java.util.Optional;
import java.util.Set;

/**
 * {@code [UID] SEARCH [RETURN (...)] [CHARSET x] keys} (RFC 9051 §6.4.4, ESEARCH RFC 4731).
 *
 * @param uid           whether UIDs are returned
 * @param charset       the CHARSET argument, upper-cased, if given; string arguments in {@code key} are
 *                      already decoded with it
 * @param key           the criteria; several top-level keys are an {@link SearchKey.And}
 * @param returnOptions the RETURN options if RETURN was given (ESEARCH response wanted); an empty
 *                      {@code RETURN ()} means {@link SearchReturn#ALL}
 */
public record Search(boolean uid, Optional<String> charset, SearchKey key, Optional<Set<SearchReturn>> returnOptions)
        implements Command {
}
