package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.SearchReturn;
import io.quire.mail.imap.protocol.Tag;
import io.quire.mail.imap.session.Response;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/** The ESEARCH reply (RFC 4731) that SEARCH and, with ESORT (RFC 5267), SORT send for {@code RETURN (...)}. */
final class ESearchReplies {
    private ESearchReplies() {
    }

    /**
     * MIN and MAX are the first and last of {@code numbers} as given (sort order for ESORT); ALL is
     * {@code allAs} of them (a compact set for SEARCH, an order-keeping one for SORT).
     */
    static Response.ESearchResult of(Tag tag, boolean uid, long[] numbers, Set<SearchReturn> options,
                                     Function<long[], ? extends io.quire.mail.imap.protocol.SequenceSet> allAs, OptionalLong highestModSeq) {
        boolean any = numbers.length > 0;
        return new Response.ESearchResult(tag, uid,
                options.contains(SearchReturn.MIN) && any ? OptionalLong.of(numbers[0]) : OptionalLong.empty(),
                options.contains(SearchReturn.MAX) && any ? OptionalLong.of(numbers[numbers.length - 1]) : OptionalLong.empty(),
                options.contains(SearchReturn.COUNT) ? OptionalLong.of(numbers.length) : OptionalLong.empty(),
                options.contains(SearchReturn.ALL) && any ? Optional.of(allAs.apply(numbers)) : Optional.empty(),
                highestModSeq);
    }
}
