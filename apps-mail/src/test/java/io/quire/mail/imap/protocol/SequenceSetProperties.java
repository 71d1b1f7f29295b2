package io.quire.mail.imap.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class SequenceSetProperties {

    @Provide
    Arbitrary<SequenceSet.Ranges> sets() {
        Arbitrary<Long> bound = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 40),
                Arbitraries.longs().between(1, SequenceSet.MAX_NUMBER),
                Arbitraries.just(SequenceSet.STAR));
        Arbitrary<SequenceSet.Range> range = Combinators.combine(bound, bound, Arbitraries.integers().between(0, 2))
                .as((a, b, single) -> single == 0 ? new SequenceSet.Range(a, a) : new SequenceSet.Range(a, b));
        return range.list().ofMinSize(1).ofMaxSize(8).map(SequenceSet.Ranges::new);
    }

    @Property(tries = 1000)
    void formatThenParseGivesTheSameSet(@ForAll("sets") SequenceSet.Ranges set) {
        assertEquals(set, SequenceSet.parse(set.format()));
    }

    @Property(tries = 500)
    void streamAndContainsAgree(@ForAll("sets") SequenceSet.Ranges set, @ForAll @LongRange(min = 0, max = 50) long max) {
        TreeSet<Long> expected = new TreeSet<>();
        for (long n = 1; n <= max; n++) {
            if (set.contains(n, max)) {
                expected.add(n);
            }
        }
        List<Long> streamed = new ArrayList<>(set.stream(max).filter(n -> n <= 50).boxed().toList());
        assertEquals(new ArrayList<>(expected), streamed);
    }
}
