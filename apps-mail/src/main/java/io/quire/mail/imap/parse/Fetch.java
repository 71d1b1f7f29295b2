package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.SequenceSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code [UID] FETCH set items [(CHANGEDSINCE n [VANISHED])]} (RFC 9051 §6.4.5, RFC 7162 §3.1.4 and
 * §3.2.6).
 *
 * <p>The parser has expanded macros and removed duplicate items; for UID FETCH it has added
 * {@link FetchItem#UID} (RFC 9051 §6.4.9 requires UID in every response), and with CHANGEDSINCE it has added
 * {@link FetchItem#MODSEQ} (RFC 7162 §3.1.4.1).
 *
 * @param uid          whether the set holds UIDs
 * @param set          the messages
 * @param items        the data items, in the client's order
 * @param changedSince the CHANGEDSINCE modifier, if given
 * @param vanished     whether VANISHED was requested (only with UID FETCH and CHANGEDSINCE)
 */
public record Fetch(boolean uid, SequenceSet set, List<FetchItem> items, OptionalLong changedSince, boolean vanished)
        implements Command {
    /** Copies the items. */
    public Fetch {
        items = List.copyOf(items);
    }
}
