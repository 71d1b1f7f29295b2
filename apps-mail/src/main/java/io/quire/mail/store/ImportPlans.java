package io.quire.mail.store;

import io.quire.mail.model.Flags;
import io.quire.mail.model.MailboxName;
import io.quire.mail.model.MessageIds;
import io.quire.mail.store.UserMail.Appended;
import io.quire.mail.store.UserMail.KeptUids;
import io.quire.mail.store.UserMail.NewMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan of an import that keeps the source's UIDs (Maildir {@code dovecot-uidlist}, a Quire
 * export) where that cannot reuse a UID:
 * <ol>
 *   <li>A mailbox that never handed out a UID (no message, UIDNEXT 1, no vanished record) takes
 *       the source's UIDVALIDITY. Clients compare UIDVALIDITY for equality, so one that saw the
 *       empty mailbox under the old value resynchronises (RFC 3501 §2.3.1.1); the account's
 *       high-water mark is raised so a later new mailbox still gets a value above it.</li>
 *   <li>With the source's UIDVALIDITY, a message keeps its UID when the UID is at or above
 *       UIDNEXT; any other (a UID already passed, none known) gets UIDNEXT. UIDs thus stay strictly
 *       ascending and are never reused, as with APPEND.</li>
 *   <li>UIDNEXT is then raised to the source's UIDNEXT (the uidlist header), never lowered.</li>
 * </ol>
 * A mailbox that already held mail under another UIDVALIDITY gets fresh UIDs, as APPEND gives.
 */
final class ImportPlans {
    private final MessageIds ids;

    ImportPlans(MessageIds ids) {
        this.ids = ids;
    }

    Plan<List<Appended>> importKeepingUids(TxDraft d, MailboxName name, KeptUids in) {
        MailboxRecord box = MailboxPlans.require(d.view(), name);
        boolean keep = box.uidValidity() == in.uidValidity();
        if (!keep && neverUsed(d.view(), box)) {
            d.update(new MailboxRecord(box.id(), box.rev(), box.name(), box.specialUse(), box.subscribed(), in.uidValidity(),
                    1, box.highestModseq(), box.vanishedFloor()));
            d.raiseUidValidityHigh(in.uidValidity());
            keep = true;
        }
        List<Appended> out = new ArrayList<>(in.messages().size());
        if (!in.messages().isEmpty()) {
            long modseq = d.modseq(box.id());
            for (int i = 0; i < in.messages().size(); i++) {
                NewMessage m = in.messages().get(i);
                MailboxRecord now = d.box(box.id());
                long source = keep ? in.uids().get(i) : 0;
                long uid;
                if (source > 0 && source >= now.uidNext()) {
                    uid = source;
                    d.update(now.withCounters(source + 1, now.highestModseq()));
                } else {
                    uid = d.allocateUid(box.id());
                }
                String id = ids.next();
                d.putNewMessage(box.id(), new MessageEntry(id, uid, Flags.of(m.flags()), m.internalDate(), modseq, m.raw().length, null), m.raw());
                out.add(new Appended(d.box(box.id()).uidValidity(), uid, id));
            }
        }
        MailboxRecord now = d.box(box.id());
        if (keep && in.uidNext() > now.uidNext()) d.update(now.withCounters(in.uidNext(), now.highestModseq()));
        return Plan.of(d, out);
    }

    /** No UID was ever handed out in this mailbox under its UIDVALIDITY, so changing it breaks no client's cache. */
    private static boolean neverUsed(IndexView v, MailboxRecord box) {
        return box.uidNext() == 1 && v.entries(box.id()).size() == 0 && v.vanishedOf(box.id()).size() == 0;
    }
}
