package io.quire.mail.imap.session;

import io.quire.mail.store.MessageEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link MailboxView#sync} reports changes to one session.
 *
 * @param expungeAllowed whether EXPUNGE/VANISHED may be sent now (not during FETCH, STORE, SEARCH: RFC 9051 §7.5.1)
 * @param condstore      whether CONDSTORE is enabled: FETCH carries UID and MODSEQ, and a changed modseq alone is
 *                       news (RFC 7162 §3.1.4.1)
 * @param qresync        whether QRESYNC is enabled: VANISHED instead of EXPUNGE (RFC 7162 §3.2.10)
 */
public record SyncPolicy(boolean expungeAllowed, boolean condstore, boolean qresync) {

    /** Whether the client must hear about the change from {@code before} to {@code after}. */
    static boolean changed(MessageEntry before, MessageEntry after, SyncPolicy policy) {
        return !FlagSets.toWire(before.flags()).equals(FlagSets.toWire(after.flags()))
                || policy.condstore() && before.modseq() != after.modseq();
    }

    /** An unsolicited FETCH; with CONDSTORE it carries UID and MODSEQ too (RFC 7162 §3.1). */
    Response flagUpdate(int msn, MessageEntry e) {
        List<FetchAttr> attrs = new ArrayList<>();
        if (condstore) {
            attrs.add(new FetchAttr.Uid(e.uid()));
        }
        attrs.add(new FetchAttr.Flags(FlagSets.toWire(e.flags())));
        if (condstore) {
            attrs.add(new FetchAttr.ModSeq(e.modseq()));
        }
        return new Response.FetchResult(msn, attrs);
    }
}
