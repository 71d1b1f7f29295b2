package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxPattern;
import java.util.List;
import java.util.Set;

/**
 * {@code LIST} in its basic and extended forms (RFC 9051 §6.3.9, LIST-EXTENDED RFC 5258, SPECIAL-USE
 * RFC 6154, LIST-STATUS RFC 5819). Named so as not to clash with {@link java.util.List}.
 *
 * @param reference   the reference name (decoded, may be empty)
 * @param patterns    one or more patterns, not yet combined with the reference
 * @param selection   selection options; empty for basic LIST
 * @param returns     return options
 * @param statusItems the STATUS items requested by {@code RETURN (STATUS (...))}, empty otherwise
 * @param extended    whether the LIST-EXTENDED syntax was used (selection options, a pattern list or
 *                    return options), which RFC 5258 §3 ties to extended response behaviour
 */
public record ListMailboxes(String reference, List<MailboxPattern> patterns, Set<ListSelection> selection,
                            Set<ListReturn> returns, List<StatusItem> statusItems, boolean extended)
        implements Command {
    /** Copies the collections. */
    public ListMailboxes {
        patterns = List.copyOf(patterns);
        selection = Set.copyOf(selection);
        returns = Set.copyOf(returns);
        statusItems = List.copyOf(statusItems);
    }
}
