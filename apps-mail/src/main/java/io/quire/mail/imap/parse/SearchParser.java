package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.ResponseCode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses SEARCH (RFC 9051 §6.4.4, ESEARCH RFC 4731 §3.1, SEARCHRES RFC 5182):
 *
 * <pre>
 * search             = "SEARCH" [search-return-opts] [SP "CHARSET" SP charset] 1*(SP search-key)
 * search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
 * </pre>
 *
 * An unsupported charset yields {@code NO [BADCHARSET (US-ASCII UTF-8)]}, not a BAD (RFC 9051 §6.4.4).
 */
final class SearchParser {
    /** The charsets SEARCH accepts; RFC 9051 §6.4.4 requires these two. */
    static final List<String> CHARSETS = List.of("US-ASCII", "UTF-8");

    private SearchParser() {
    }

    static Search parse(Arguments args, boolean uid) {
        Optional<Set<SearchReturn>> returns = returnOptions(args);
        Optional<String> charset = Optional.empty();
        if (args.acceptAtom("CHARSET")) {
            charset = Optional.of(charset(args));
        }
        if (!args.hasNext()) {
            throw ProtocolException.bad("Missing search criteria");
        }
        SearchKey key = new SearchKeyParser(decoder(charset.orElse("UTF-8"))).keys(args, 0);
        return new Search(uid, charset, key, returns);
    }

    /** Reads {@code RETURN (...)} if present; shared with SORT (RFC 5267 §3.2). */
    static Optional<Set<SearchReturn>> returnOptions(Arguments args) {
        if (!args.acceptAtom("RETURN")) {
            return Optional.empty();
        }
        Arguments opts = args.group("return options");
        Set<SearchReturn> set = EnumSet.noneOf(SearchReturn.class);
        while (opts.hasNext()) {
            String name = opts.atom("return option").toUpperCase(Locale.ROOT);
            try {
                set.add(SearchReturn.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw ProtocolException.bad("Unknown search return option: " + Arguments.abbreviate(name));
            }
        }
        // RFC 4731 §3.1: "RETURN ()" is equivalent to "RETURN (ALL)".
        return Optional.of(set.isEmpty() ? EnumSet.of(SearchReturn.ALL) : set);
    }

    /** Reads a charset name ({@code astring}) and checks it is supported. */
    static String charset(Arguments args) {
        String name = args.astring("charset").toUpperCase(Locale.ROOT);
        decoder(name);
        return name;
    }

    static Charset decoder(String name) {
        return switch (name) {
            // US-ASCII is a subset of UTF-8; decoding it as UTF-8 also accepts 8-bit from sloppy clients.
            case "US-ASCII", "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            default -> throw ProtocolException.no(new ResponseCode.BadCharset(CHARSETS),
                    "Unsupported charset " + Arguments.abbreviate(name));
        };
    }
}
