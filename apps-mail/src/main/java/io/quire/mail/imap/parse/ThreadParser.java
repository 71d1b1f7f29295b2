package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ProtocolException;
import java.util.Locale;

/** Parses {@code THREAD SP thread-alg SP search-criteria} (RFC 5256 §5). */
final class ThreadParser {
    private ThreadParser() {
    }

    static ThreadMessages parse(Arguments args, boolean uid) {
        String name = args.atom("threading algorithm").toUpperCase(Locale.ROOT);
        ThreadMessages.Algorithm algorithm;
        try {
            algorithm = ThreadMessages.Algorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ProtocolException.bad("Unknown threading algorithm: " + Arguments.abbreviate(name));
        }
        String charset = SearchParser.charset(args);
        if (!args.hasNext()) {
            throw ProtocolException.bad("Missing search criteria");
        }
        SearchKey key = new SearchKeyParser(SearchParser.decoder(charset)).keys(args, 0);
        return new ThreadMessages(uid, algorithm, charset, key);
    }
}
