package io.quire.mail.smtp.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One mail transaction in progress: the sender, its parameters and the recipients accepted so far.
 *
 * @param mailFrom the reverse-path ("" for {@code <>})
 * @param parameters the MAIL FROM parameters
 * @param recipients the distinct accepted recipients, in first-RCPT order
 * @param replyOrder for each accepted RCPT command, the index in {@code recipients} it maps to; LMTP sends one
 *     reply per accepted RCPT (RFC 2033 §4.2), even when a client named one recipient twice
 */
record Transaction(String mailFrom, MailParameters parameters, List<String> recipients, List<Integer> replyOrder) {

    Transaction {
        recipients = List.copyOf(recipients);
        replyOrder = List.copyOf(replyOrder);
    }

    static Transaction start(String mailFrom, MailParameters parameters) {
        return new Transaction(mailFrom, parameters, List.of(), List.of());
    }

    /** The index of an already accepted recipient, comparing the domain case-insensitively (RFC 5321 §2.4). */
    int indexOf(String address) {
        String key = key(address);
        for (int i = 0; i < recipients.size(); i++) {
            if (key(recipients.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    Transaction withRecipient(String address) {
        int existing = indexOf(address);
        var all = new ArrayList<>(recipients);
        if (existing < 0) {
            all.add(address);
            existing = all.size() - 1;
        }
        var order = new ArrayList<>(replyOrder);
        order.add(existing);
        return new Transaction(mailFrom, parameters, all, order);
    }

    private static String key(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address.toLowerCase(Locale.ROOT)
                : address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT);
    }
}
