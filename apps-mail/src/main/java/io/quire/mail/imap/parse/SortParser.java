package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses SORT (RFC 5256 §5, ESORT RFC 5267 §3.2, DISPLAYFROM/DISPLAYTO RFC 5957):
 *
 * <pre>
 * sort           = ["UID" SP] "SORT" [search-return-opts] SP sort-criteria SP search-criteria
 * sort-criteria  = "(" sort-criterion *(SP sort-criterion) ")"
 * sort-criterion = ["REVERSE" SP] sort-key
 * search-criteria = charset 1*(SP search-key)
 * </pre>
 */
final class SortParser {
    private SortParser() {
    }

    static Sort parse(Arguments args, boolean uid) {
        Optional<Set<SearchReturn>> returns = SearchParser.returnOptions(args);
        Arguments list = args.group("sort criteria");
        List<SortCriterion> criteria = new ArrayList<>();
        do {
            boolean reverse = list.acceptAtom("REVERSE");
            String name = list.atom("sort key").toUpperCase(Locale.ROOT);
            try {
                criteria.add(new SortCriterion(SortCriterion.Key.valueOf(name), reverse));
            } catch (IllegalArgumentException e) {
                throw ProtocolException.bad("Unknown sort key: " + Arguments.abbreviate(name));
            }
        } while (list.hasNext());
        String charset = SearchParser.charset(args);
        if (!args.hasNext()) {
            throw ProtocolException.bad("Missing search criteria");
        }
        SearchKey key = new SearchKeyParser(SearchParser.decoder(charset)).keys(args, 0);
        return new Sort(uid, criteria, charset, key, returns);
    }
}
