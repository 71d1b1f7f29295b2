package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.SearchKey;
import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.session.FlagSets;
import io.quire.mail.imap.session.MailboxView;
import io.quire.mail.mime.ParsedMessage;
import io.quire.mail.store.MessageEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides whether one message matches a SEARCH key (RFC 9051 §6.4.4, RFC 7162 §3.1.5, RFC 5032). Flag, size, date
 * and number keys are answered from the index entry; only header and text keys parse the body, once per message.
 */
final class SearchEvaluator {
    private final MailboxView view;
    private final Set<Long> saved;
    private final Instant now;
    private final Function<MessageEntry, ParsedMessage> bodies;

    SearchEvaluator(MailboxView view, List<Long> saved, Instant now, Function<MessageEntry, ParsedMessage> bodies) {
        this.view = view;
        this.saved = new HashSet<>(saved);
        this.now = now;
        this.bodies = bodies;
    }

    /** Whether message {@code msn} (whose current entry is {@code e}) matches {@code key}. */
    boolean matches(SearchKey key, int msn, MessageEntry e) {
        return new Candidate(msn, e).matches(key);
    }

    /** Whether the key uses MODSEQ, which makes SEARCH report the highest mod-sequence found. */
    static boolean usesModSeq(SearchKey key) {
        return switch (key) {
            case SearchKey.ModSeq m -> true;
            case SearchKey.And a -> a.keys().stream().anyMatch(SearchEvaluator::usesModSeq);
            case SearchKey.Or o -> usesModSeq(o.left()) || usesModSeq(o.right());
            case SearchKey.Not n -> usesModSeq(n.key());
            default -> false;
        };
    }

    private final class Candidate {
        private final int msn;
        private final MessageEntry entry;
        private ParsedMessage parsed;
        private SearchText text;

        Candidate(int msn, MessageEntry entry) {
            this.msn = msn;
            this.entry = entry;
        }

        boolean matches(SearchKey key) {
            return switch (key) {
                case SearchKey.All a -> true;
                case SearchKey.And a -> a.keys().stream().allMatch(this::matches);
                case SearchKey.Or o -> matches(o.left()) || matches(o.right());
                case SearchKey.Not n -> !matches(n.key());
                case SearchKey.Sequence s -> inSet(s.set(), msn, view.size());
                case SearchKey.Uid u -> inSet(u.set(), entry.uid(), view.maxUid());
                // \Recent is never set (see StatusValues): HasFlag(\Recent) matches nothing.
                case SearchKey.HasFlag f -> !f.flag().equals(Flag.RECENT) && FlagSets.has(entry.flags(), f.flag());
                case SearchKey.LacksFlag f -> f.flag().equals(Flag.RECENT) || !FlagSets.has(entry.flags(), f.flag());
                case SearchKey.Address a -> text().header(a.field().name(), a.value());
                case SearchKey.Subject s -> text().header("Subject", s.value());
                case SearchKey.Header h -> text().header(h.field(), h.value());
                case SearchKey.Body b -> text().body(b.value());
                case SearchKey.Text t -> text().text(t.value());
                case SearchKey.Date d -> compare(d.comparison(), day(d.field()), d.date());
                case SearchKey.Larger l -> entry.size() > l.size();
                case SearchKey.Smaller s -> entry.size() < s.size();
                case SearchKey.Older o -> entry.internalDate().isBefore(now.minusSeconds(o.seconds()));
                case SearchKey.Younger y -> !entry.internalDate().isBefore(now.minusSeconds(y.seconds()));
                case SearchKey.ModSeq m -> entry.modseq() >= m.modSeq();
            };
        }

        private boolean inSet(SequenceSet set, long n, long max) {
            return switch (set) {
                case SequenceSet.Saved s -> saved.contains(entry.uid());
                case SequenceSet.Ranges r -> r.contains(n, max);
            };
        }

        /** The day a date key compares: RFC 9051 §6.4.4 disregards time and time zone. */
        private LocalDate day(SearchKey.DateField field) {
            if (field == SearchKey.DateField.SENT) {
                var sent = parsed().summary().date();
                if (sent.isPresent()) {
                    return sent.get().toLocalDate();
                }
            }
            return entry.internalDate().atOffset(ZoneOffset.UTC).toLocalDate();
        }

        private ParsedMessage parsed() {
            if (parsed == null) {
                parsed = bodies.apply(entry);
            }
            return parsed;
        }

        private SearchText text() {
            if (text == null) {
                text = new SearchText(parsed());
            }
            return text;
        }
    }

    private static boolean compare(SearchKey.DateComparison c, LocalDate actual, LocalDate wanted) {
        return switch (c) {
            case BEFORE -> actual.isBefore(wanted);
            case ON -> actual.equals(wanted);
            case SINCE -> !actual.isBefore(wanted);
        };
    }
}
