package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.SortCriterion;
import io.quire.mail.mime.Address;
import io.quire.mail.mime.MessageSummary;
import io.quire.mail.store.MessageEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/** The value a SORT criterion compares for one message (RFC 5256 §3, DISPLAYFROM/DISPLAYTO RFC 5957). */
final class SortKeys {
    private SortKeys() {
    }

    /** A comparable key: a string or a number. */
    static Comparable<?> key(SortCriterion.Key key, MessageEntry e, Supplier<MessageSummary> summary) {
        return switch (key) {
            case ARRIVAL -> e.internalDate();
            case SIZE -> e.size();
            case DATE -> summary.get().date().map(d -> d.toInstant()).orElse(e.internalDate());
            case SUBJECT -> baseSubject(summary.get().decodedSubject().orElse(""));
            case FROM -> mailbox(summary.get().from());
            case TO -> mailbox(summary.get().to());
            case CC -> mailbox(summary.get().cc());
            case DISPLAYFROM -> display(summary.get().from());
            case DISPLAYTO -> display(summary.get().to());
        };
    }

    /** RFC 5256 §3: the local part of the first mailbox, upper-cased for comparison. */
    private static String mailbox(List<Address> addresses) {
        for (Address a : addresses) {
            if (a instanceof Address.Mailbox m) {
                return m.local().toUpperCase(Locale.ROOT);
            }
        }
        return "";
    }

    /** RFC 5957 §3: the decoded display name of the first mailbox, or its addr-spec. */
    private static String display(List<Address> addresses) {
        for (Address a : addresses) {
            if (a instanceof Address.Mailbox m) {
                String name = m.name().map(n -> DecoderUtil.decodeEncodedWords(n, DecodeMonitor.SILENT)).orElse("");
                return (name.isBlank() ? m.local() + "@" + m.domain() : name).toUpperCase(Locale.ROOT);
            }
        }
        return "";
    }

    /** The base subject of RFC 5256 §2.1, upper-cased for comparison. */
    static String baseSubject(String subject) {
        return BaseSubject.of(subject).key();
    }

    /** Compares two keys of the same criterion. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Comparable<?> a, Comparable<?> b) {
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        return ((Comparable) a).compareTo(b);
    }
}
