package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.protocol.Token;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code search-key} (RFC 9051 §9 with the RFC 3501 keys, RFC 7162 §3.1.5 MODSEQ, RFC 5032
 * OLDER/YOUNGER) into a {@link SearchKey} tree. Nesting (NOT, OR, parentheses) is limited to
 * {@value #MAX_DEPTH} levels so a hostile line cannot exhaust the stack.
 */
final class SearchKeyParser {
    static final int MAX_DEPTH = 64;

    private final Charset charset;

    SearchKeyParser(Charset charset) {
        this.charset = charset;
    }

    /** Reads keys to the end of {@code args}: one key, or an {@link SearchKey.And} of several. */
    SearchKey keys(Arguments args, int depth) {
        List<SearchKey> keys = new ArrayList<>();
        do {
            keys.add(key(args, depth));
        } while (args.hasNext());
        return keys.size() == 1 ? keys.getFirst() : new SearchKey.And(keys);
    }

    SearchKey key(Arguments args, int depth) {
        if (depth > MAX_DEPTH) {
            throw ProtocolException.bad("Search criteria nested too deeply");
        }
        Token token = args.next("search key");
        if (token instanceof Token.Group g) {
            Arguments inner = new Arguments(g.items(), args.options());
            if (!inner.hasNext()) {
                throw ProtocolException.bad("Empty parenthesised search key");
            }
            return keys(inner, depth + 1);
        }
        if (!(token instanceof Token.Atom atom)) {
            throw ProtocolException.bad("Expected a search key, found a string");
        }
        String name = atom.text().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "ALL" -> new SearchKey.All();
            case "ANSWERED" -> new SearchKey.HasFlag(Flag.ANSWERED);
            case "DELETED" -> new SearchKey.HasFlag(Flag.DELETED);
            case "DRAFT" -> new SearchKey.HasFlag(Flag.DRAFT);
            case "FLAGGED" -> new SearchKey.HasFlag(Flag.FLAGGED);
            case "SEEN" -> new SearchKey.HasFlag(Flag.SEEN);
            case "RECENT" -> new SearchKey.HasFlag(Flag.RECENT);
            case "UNANSWERED" -> new SearchKey.LacksFlag(Flag.ANSWERED);
            case "UNDELETED" -> new SearchKey.LacksFlag(Flag.DELETED);
            case "UNDRAFT" -> new SearchKey.LacksFlag(Flag.DRAFT);
            case "UNFLAGGED" -> new SearchKey.LacksFlag(Flag.FLAGGED);
            case "UNSEEN" -> new SearchKey.LacksFlag(Flag.SEEN);
            case "OLD" -> new SearchKey.LacksFlag(Flag.RECENT);
            case "NEW" -> new SearchKey.And(List.of(new SearchKey.HasFlag(Flag.RECENT), new SearchKey.LacksFlag(Flag.SEEN)));
            case "KEYWORD" -> new SearchKey.HasFlag(keyword(args));
            case "UNKEYWORD" -> new SearchKey.LacksFlag(keyword(args));
            case "FROM" -> new SearchKey.Address(SearchKey.AddressField.FROM, text(args, "FROM"));
            case "TO" -> new SearchKey.Address(SearchKey.AddressField.TO, text(args, "TO"));
            case "CC" -> new SearchKey.Address(SearchKey.AddressField.CC, text(args, "CC"));
            case "BCC" -> new SearchKey.Address(SearchKey.AddressField.BCC, text(args, "BCC"));
            case "SUBJECT" -> new SearchKey.Subject(text(args, "SUBJECT"));
            case "BODY" -> new SearchKey.Body(text(args, "BODY"));
            case "TEXT" -> new SearchKey.Text(text(args, "TEXT"));
            case "HEADER" -> new SearchKey.Header(headerName(args), text(args, "HEADER"));
            case "BEFORE" -> date(args, SearchKey.DateField.INTERNAL, SearchKey.DateComparison.BEFORE);
            case "ON" -> date(args, SearchKey.DateField.INTERNAL, SearchKey.DateComparison.ON);
            case "SINCE" -> date(args, SearchKey.DateField.INTERNAL, SearchKey.DateComparison.SINCE);
            case "SENTBEFORE" -> date(args, SearchKey.DateField.SENT, SearchKey.DateComparison.BEFORE);
            case "SENTON" -> date(args, SearchKey.DateField.SENT, SearchKey.DateComparison.ON);
            case "SENTSINCE" -> date(args, SearchKey.DateField.SENT, SearchKey.DateComparison.SINCE);
            case "LARGER" -> new SearchKey.Larger(args.number64("LARGER size"));
            case "SMALLER" -> new SearchKey.Smaller(args.number64("SMALLER size"));
            case "OLDER" -> new SearchKey.Older(args.nzNumber("OLDER interval"));
            case "YOUNGER" -> new SearchKey.Younger(args.nzNumber("YOUNGER interval"));
            case "UID" -> new SearchKey.Uid(args.sequenceSet("UID set"));
            case "NOT" -> new SearchKey.Not(key(args, depth + 1));
            case "OR" -> new SearchKey.Or(key(args, depth + 1), key(args, depth + 1));
            case "MODSEQ" -> modSeq(args);
            default -> {
                char c = name.charAt(0);
                if ((c >= '0' && c <= '9') || c == '*' || c == '$') {
                    yield new SearchKey.Sequence(SequenceSet.parse(atom.text()));
                }
                throw ProtocolException.bad("Unknown search key: " + Arguments.abbreviate(atom.text()));
            }
        };
    }

    private String text(Arguments args, String key) {
        return new String(args.astringBytes(key + " argument"), charset);
    }

    private static Flag keyword(Arguments args) {
        Flag flag = Flag.parse(args.rawAtom("keyword"));
        if (!flag.isKeyword()) {
            throw ProtocolException.bad("KEYWORD needs a keyword, not a system flag; use the flag's own key");
        }
        return flag;
    }

    private static String headerName(Arguments args) {
        String name = new String(args.astringBytes("header field name"), StandardCharsets.UTF_8);
        if (name.isEmpty()) {
            throw ProtocolException.bad("Empty header field name");
        }
        return name;
    }

    private static SearchKey date(Arguments args, SearchKey.DateField field, SearchKey.DateComparison comparison) {
        String text = switch (args.next("date")) {
            case Token.Atom a -> a.text();
            case Token.Str s when s.form() == Token.Str.Form.QUOTED -> s.utf8();
            default -> throw ProtocolException.bad("Expected a date such as 1-Feb-1994");
        };
        LocalDate date = ImapDates.parseDate(text);
        return new SearchKey.Date(field, comparison, date);
    }

    /** {@code "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer} (RFC 7162 §3.1.5). */
    private static SearchKey modSeq(Arguments args) {
        Optional<String> entry = Optional.empty();
        Optional<String> type = Optional.empty();
        if (args.peek().orElse(null) instanceof Token.Str) {
            entry = Optional.of(new String(args.stringBytes("entry name"), StandardCharsets.UTF_8));
            String t = args.atom("entry type").toLowerCase(Locale.ROOT);
            if (!t.equals("priv") && !t.equals("shared") && !t.equals("all")) {
                throw ProtocolException.bad("Entry type must be priv, shared or all");
            }
            type = Optional.of(t);
        }
        return new SearchKey.ModSeq(entry, type, args.number64("mod-sequence value"));
    }
}
