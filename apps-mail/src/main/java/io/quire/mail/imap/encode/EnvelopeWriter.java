package io.quire.mail.imap.encode;

import io.quire.mail.mime.Address;
import io.quire.mail.mime.Envelope;
import java.util.List;

/**
 * Writes an ENVELOPE (RFC 9051 §7.5.2 and §9 {@code envelope}):
 *
 * <pre>
 * envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP env-cc SP
 *            env-bcc SP env-in-reply-to SP env-message-id ")"
 * address  = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
 * </pre>
 *
 * A group is a start marker {@code (NIL NIL "name" NIL)}, its members, and an end marker
 * {@code (NIL NIL NIL NIL)}.
 */
public final class EnvelopeWriter {
    private EnvelopeWriter() {
    }

    /** Writes the envelope as one parenthesised list. */
    public static void write(ResponseWriter w, Envelope e) {
        w.openList();
        w.nstring(e.date());
        w.nstring(e.subject());
        addresses(w, e.from());
        addresses(w, e.sender());
        addresses(w, e.replyTo());
        addresses(w, e.to());
        addresses(w, e.cc());
        addresses(w, e.bcc());
        w.nstring(e.inReplyTo());
        w.nstring(e.messageId());
        w.closeList();
    }

    private static void addresses(ResponseWriter w, List<Address> list) {
        if (list.isEmpty()) {
            w.nil();
            return;
        }
        // env-from = "(" 1*address ")": addresses follow each other without spaces.
        w.openList();
        for (Address a : list) {
            switch (a) {
                case Address.Mailbox m -> mailbox(w, m);
                case Address.Group g -> {
                    w.glue().openList().nil().nil().string(g.name()).nil().closeList();
                    g.members().forEach(m -> mailbox(w, m));
                    w.glue().openList().nil().nil().nil().nil().closeList();
                }
            }
        }
        w.closeList();
    }

    private static void mailbox(ResponseWriter w, Address.Mailbox m) {
        w.glue().openList();
        w.nstring(m.name().filter(n -> !n.isEmpty()));
        w.nstring(m.route());
        w.string(m.local());
        // A NIL host would mark a group (RFC 9051 §7.5.2), so a missing domain is the empty string.
        w.string(m.domain());
        w.closeList();
    }
}
