package io.quire.mail.store;

import java.util.Optional;

/**
 * A mailbox document as the index holds it: its fields and the revision they were read at (for
 * If-Match on the next write).
 *
 * @param vanishedFloor the highest modseq of the vanished records trimmed away (0: none yet); a
 *                      QRESYNC client that remembers an older modseq cannot get a complete answer
 */
record MailboxRecord(String id, String rev, String name, Optional<String> specialUse, boolean subscribed,
                     long uidValidity, long uidNext, long highestModseq, long vanishedFloor) {

    MailboxRecord withName(String n) {
        return new MailboxRecord(id, rev, n, specialUse, subscribed, uidValidity, uidNext, highestModseq, vanishedFloor);
    }

    MailboxRecord withSubscribed(boolean s) {
        return new MailboxRecord(id, rev, name, specialUse, s, uidValidity, uidNext, highestModseq, vanishedFloor);
    }

    MailboxRecord withCounters(long next, long modseq) {
        return new MailboxRecord(id, rev, name, specialUse, subscribed, uidValidity, next, modseq, vanishedFloor);
    }

    /** The same fields at another revision (a write batch's stand-in, see {@link PendingRevisions}). */
    MailboxRecord withRev(String r) {
        return new MailboxRecord(id, r, name, specialUse, subscribed, uidValidity, uidNext, highestModseq, vanishedFloor);
    }

    MailboxRecord withVanishedFloor(long floor) {
        return new MailboxRecord(id, rev, name, specialUse, subscribed, uidValidity, uidNext, highestModseq, floor);
    }

    MailboxInfo info(int messages, int unseen) {
        return new MailboxInfo(id, name, specialUse, subscribed, uidValidity, uidNext, highestModseq, messages, unseen);
    }
}
