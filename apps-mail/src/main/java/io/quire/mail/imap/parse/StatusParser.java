package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses {@code STATUS SP mailbox SP "(" status-att *(SP status-att) ")"} (RFC 9051 §6.3.11). */
final class StatusParser {
    private StatusParser() {
    }

    static Status parse(Arguments args) {
        MailboxName mailbox = args.mailbox("mailbox name");
        List<StatusItem> items = items(args.group("status items"));
        args.end();
        return new Status(mailbox, items);
    }

    /** Reads one or more status item atoms; shared with LIST RETURN (STATUS (...)). */
    static List<StatusItem> items(Arguments list) {
        List<StatusItem> items = new ArrayList<>();
        do {
            String name = list.atom("status item").toUpperCase(Locale.ROOT);
            StatusItem item;
            try {
                item = StatusItem.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw ProtocolException.bad("Unknown status item: " + Arguments.abbreviate(name));
            }
            if (!items.contains(item)) {
                items.add(item);
            }
        } while (list.hasNext());
        return items;
    }
}
