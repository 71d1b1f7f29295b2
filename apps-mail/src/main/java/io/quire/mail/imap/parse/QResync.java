package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.SequenceSet;
import java.util.Optional;

/**
 * The {@code QRESYNC} parameter of SELECT/EXAMINE (RFC 7162 §3.2.5).
 *
 * <pre>"QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"</pre>
 *
 * @param uidValidity the UIDVALIDITY the client last saw
 * @param modSeq      the last known HIGHESTMODSEQ
 * @param knownUids   the UIDs the client knows, if sent
 * @param seqMatch    message numbers paired with their UIDs, if sent
 */
public record QResync(long uidValidity, long modSeq, Optional<SequenceSet> knownUids, Optional<SeqMatch> seqMatch) {

    /**
     * {@code seq-match-data = "(" known-sequence-set SP known-uid-set ")"}.
     *
     * @param sequenceNumbers message sequence numbers
     * @param uids            the corresponding UIDs
     */
    public record SeqMatch(SequenceSet sequenceNumbers, SequenceSet uids) {
    }
}
