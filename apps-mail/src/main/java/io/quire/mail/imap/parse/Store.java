package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.SequenceSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code [UID] STORE set [(UNCHANGEDSINCE n)] (+|-)FLAGS[.SILENT] flags} (RFC 9051 §6.4.6, RFC 7162 §3.1.3).
 *
 * @param uid            whether the set holds UIDs
 * @param set            the messages
 * @param mode           add, remove or replace
 * @param silent         whether {@code .SILENT} suppresses the untagged FETCH responses
 * @param flags          storable flags without duplicates; may be empty for {@code FLAGS ()}
 * @param unchangedSince the UNCHANGEDSINCE modifier, if given
 */
public record Store(boolean uid, SequenceSet set, StoreMode mode, boolean silent, List<Flag> flags,
                    OptionalLong unchangedSince) implements Command {
    /** Copies the flags. */
    public Store {
        flags = List.copyOf(flags);
    }
}
