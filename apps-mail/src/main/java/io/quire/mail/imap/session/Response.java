package io.quire.mail.imap.session;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ResponseCode;
import io.quire.mail.imap.protocol.ResponseStatus;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.protocol.Tag;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An untagged server response or a continuation request, as a value: handlers produce these and an encoder
 * in {@code io.quire.mail.imap.server} writes them (James's processor → response → encoder chain). The tagged
 * completion is not a {@code Response}; it is the handler's {@code Outcome}.
 */
public sealed interface Response {

    /** {@code * OK|NO|BAD|BYE|PREAUTH [code] text} (RFC 9051 §7.1). */
    record Condition(ResponseStatus status, Optional<ResponseCode> code, String text) implements Response {
        /** {@code * OK [code] text}. */
        public static Condition ok(ResponseCode code, String text) {
            return new Condition(ResponseStatus.OK, Optional.of(code), text);
        }

        /** {@code * BYE text}. */
        public static Condition bye(String text) {
            return new Condition(ResponseStatus.BYE, Optional.empty(), text);
        }
    }

    /** {@code * CAPABILITY ...} (RFC 9051 §7.2.2). */
    record Capabilities(List<String> names) implements Response {
        /** Copies the names. */
        public Capabilities {
            names = List.copyOf(names);
        }
    }

    /** {@code * ENABLED ...} (RFC 5161 §3.2). */
    record Enabled(List<String> names) implements Response {
        /** Copies the names. */
        public Enabled {
            names = List.copyOf(names);
        }
    }

    /** {@code * ID (...)} with the server's fields (RFC 2971 §3.2). */
    record ServerId(List<String> fieldsAndValues) implements Response {
        /** Copies the list of alternating names and values. */
        public ServerId {
            fieldsAndValues = List.copyOf(fieldsAndValues);
        }
    }

    /** {@code * NAMESPACE (("prefix" "delim")) NIL NIL}: one personal namespace (RFC 2342, RFC 9051 §7.2.4). */
    record Namespace(String personalPrefix, char delimiter) implements Response {
    }

    /** {@code * FLAGS (...)} (RFC 9051 §7.3.5). */
    record Flags(List<Flag> flags) implements Response {
        /** Copies the flags. */
        public Flags {
            flags = List.copyOf(flags);
        }
    }

    /** {@code * n EXISTS}. */
    record Exists(long count) implements Response {
    }

    /** {@code * n RECENT} (IMAP4rev1 only). */
    record Recent(long count) implements Response {
    }

    /** {@code * n EXPUNGE}. */
    record Expunge(long messageNumber) implements Response {
    }

    /** {@code * VANISHED [(EARLIER)] uids} (RFC 7162 §3.2.10). */
    record Vanished(boolean earlier, SequenceSet uids) implements Response {
    }

    /**
     * {@code * LIST (attrs) "/" name [(extended items)]} or {@code * LSUB ...} (RFC 9051 §7.3.1, RFC 5258).
     *
     * @param lsub       whether this answers LSUB
     * @param attributes name attributes such as {@code \HasNoChildren} or {@code \Sent}
     * @param name       the mailbox name
     * @param childInfo  CHILDINFO selection options (RFC 5258 §3.5), e.g. {@code SUBSCRIBED}; empty for none
     */
    record ListEntry(boolean lsub, List<String> attributes, MailboxName name, List<String> childInfo)
            implements Response {
        /** Copies the lists. */
        public ListEntry {
            attributes = List.copyOf(attributes);
            childInfo = List.copyOf(childInfo);
        }
    }

    /** {@code * LIST (\Noselect) "/" ""}: the answer to the delimiter query, an empty name. */
    record ListRoot() implements Response {
    }

    /** {@code * STATUS name (item value ...)} (RFC 9051 §7.3.3). */
    record StatusEntry(MailboxName name, List<StatusValue> values) implements Response {
        /** Copies the values. */
        public StatusEntry {
            values = List.copyOf(values);
        }
    }

    /** One STATUS item and its value. */
    record StatusValue(String item, long value) {
    }

    /** {@code * SEARCH n...  [(MODSEQ m)]} (RFC 3501 §7.2.5, RFC 7162 §3.1.5). */
    record SearchResult(List<Long> numbers, OptionalLong highestModSeq) implements Response {
        /** Copies the numbers. */
        public SearchResult {
            numbers = List.copyOf(numbers);
        }
    }

    /** {@code * SORT n...} (RFC 5256 §4). */
    record SortResult(List<Long> numbers) implements Response {
        /** Copies the numbers. */
        public SortResult {
            numbers = List.copyOf(numbers);
        }
    }

    /** {@code * THREAD (2)(3 6 (4 23)(44 7 96))} (RFC 5256 §4): the threads, in order. */
    record ThreadResult(List<ThreadNode> threads) implements Response {
        /** Copies the threads. */
        public ThreadResult {
            threads = List.copyOf(threads);
        }
    }

    /**
     * {@code * ESEARCH (TAG "t") [UID] [MIN n] [MAX n] [COUNT n] [ALL set] [MODSEQ m]} (RFC 4731 §3.1, RFC 9051
     * §7.3.4); absent values are left out.
     */
    record ESearchResult(Tag tag, boolean uid, OptionalLong min, OptionalLong max, OptionalLong count,
                         Optional<SequenceSet> all, OptionalLong highestModSeq) implements Response {
    }

    /** {@code * n FETCH (...)} (RFC 9051 §7.5.2). */
    record FetchResult(long messageNumber, List<FetchAttr> attributes) implements Response {
        /** Copies the attributes. */
        public FetchResult {
            attributes = List.copyOf(attributes);
        }
    }

    /** {@code + text}: a continuation request (literal, IDLE, SASL challenge). */
    record Continuation(String text) implements Response {
    }
}
