package io.quire.mail.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What one replica's mail looks like at one moment: every message's place and every mailbox's counters. */
record MailState(Map<String, Place> places, Map<String, MailboxInfo> boxes) {

    /** A message's place: mailbox id, UIDVALIDITY, UID, flags, modseq. */
    record Place(String box, long validity, long uid, Set<String> flags, long modseq) {
        boolean samePlace(Place o) {
            return o != null && box.equals(o.box) && validity == o.validity && uid == o.uid;
        }

        boolean sameForClients(Place o) {
            return samePlace(o) && flags.equals(o.flags);
        }
    }

    static MailState of(DatabaseUserMail mail) {
        Map<String, Place> places = new HashMap<>();
        Map<String, MailboxInfo> boxes = new HashMap<>();
        IndexView v = mail.view();
        for (MailboxRecord r : v.mailboxes().values()) { // by id: a duplicate name not yet repaired hides one by name
            MailboxInfo i = v.info(r);
            boxes.put(i.id(), i);
            for (MessageEntry e : v.entries(r.id())) {
                Place previous = places.put(e.id(), new Place(i.id(), i.uidValidity(), e.uid(), e.flags(), e.modseq()));
                if (previous != null) throw new AssertionError("message " + e.id() + " is in two places: " + previous + " and " + i.name());
            }
        }
        return new MailState(Map.copyOf(places), Map.copyOf(boxes));
    }

    /** HIGHESTMODSEQ of the mailbox with this id and UIDVALIDITY here, 0 when it is not here. */
    long highestModseq(String box, long validity) {
        MailboxInfo i = boxes.get(box);
        return i != null && i.uidValidity() == validity ? i.highestModseq() : 0;
    }

    long uidNext(String box, long validity) {
        MailboxInfo i = boxes.get(box);
        return i != null && i.uidValidity() == validity ? i.uidNext() : 0;
    }
}
