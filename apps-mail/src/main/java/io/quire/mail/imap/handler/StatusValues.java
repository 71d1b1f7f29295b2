package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.StatusItem;
import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.session.FlagSets;
import io.quire.mail.imap.session.Response;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import io.quire.mail.store.UserMail;
import java.util.ArrayList;
import java.util.List;

/** Computes STATUS items (RFC 9051 §6.3.11, RFC 7162 §3.1.6, RFC 8438, RFC 7889) for STATUS and LIST-STATUS. */
final class StatusValues {
    private StatusValues() {
    }

    static List<Response.StatusValue> of(UserMail mail, MailboxInfo info, List<StatusItem> items, long appendLimit) {
        MailboxSnapshot snapshot = null;
        List<Response.StatusValue> values = new ArrayList<>(items.size());
        for (StatusItem item : items) {
            long value = switch (item) {
                case MESSAGES -> info.messages();
                // \Recent is not kept: with replicas, "first session to see it" has no meaning (RFC 9051 drops it).
                case RECENT -> 0;
                case UIDNEXT -> info.uidNext();
                case UIDVALIDITY -> info.uidValidity();
                case UNSEEN -> info.unseen();
                case HIGHESTMODSEQ -> info.highestModseq();
                case APPENDLIMIT -> appendLimit;
                case DELETED, SIZE -> {
                    if (snapshot == null) {
                        snapshot = mail.snapshot(info.name());
                    }
                    yield item == StatusItem.SIZE ? size(snapshot) : deleted(snapshot);
                }
            };
            values.add(new Response.StatusValue(item.name(), value));
        }
        return values;
    }

    private static long size(MailboxSnapshot s) {
        long total = 0;
        for (MessageEntry e : s.messages()) {
            total += e.size();
        }
        return total;
    }

    private static long deleted(MailboxSnapshot s) {
        return s.messages().stream().filter(e -> FlagSets.has(e.flags(), Flag.DELETED)).count();
    }
}
