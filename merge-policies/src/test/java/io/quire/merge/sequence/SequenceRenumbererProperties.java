package io.quire.merge.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.merge.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Renumbering laws over tiny spaces of ids, scopes (mailboxes) and values (UIDs), so they collide. */
class SequenceRenumbererProperties {
    record Case(List<SequencedDocument> docs, Map<ScopeKey, Long> counters) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ScopeKey> scope = Arbitraries.of(ScopeKey.of(Json.json("\"INBOX\"")), ScopeKey.of(Json.json("\"Sent\"")));
        Arbitrary<SequencedDocument> doc = Combinators.combine(Arbitraries.integers().between(0, 7), scope,
                Arbitraries.longs().between(1, 4), Arbitraries.of(Json.json("1"), Json.json("2"), Json.json("\"x\"")))
                .as((id, s, v, order) -> new SequencedDocument("m" + id, s, v, List.of(order)));
        Arbitrary<List<SequencedDocument>> docs = doc.list().ofMaxSize(8).uniqueElements(SequencedDocument::id);
        Arbitrary<Map<ScopeKey, Long>> counters = Arbitraries.maps(scope, Arbitraries.longs().between(0, 6)).ofMaxSize(2);
        return Combinators.combine(docs, counters).as(Case::new);
    }

    @Property(tries = 1000)
    void noCollisionRemains(@ForAll("cases") Case c) {
        Renumbering r = SequenceRenumberer.renumber(c.docs(), c.counters());
        Set<String> taken = new HashSet<>();
        for (SequencedDocument d : c.docs()) {
            long v = r.newValues().getOrDefault(d.id(), d.value());
            assertTrue(taken.add(d.scope() + "/" + v), () -> "collision on " + d.scope() + "/" + v + " in " + c);
        }
    }

    @Property(tries = 1000)
    void valuesOnlyGrowAndStartAtTheCounter(@ForAll("cases") Case c) {
        Renumbering r = SequenceRenumberer.renumber(c.docs(), c.counters());
        for (SequencedDocument d : c.docs()) {
            Long v = r.newValues().get(d.id());
            if (v == null) continue;
            assertTrue(v > d.value(), () -> d + " got " + v);
            assertTrue(v >= c.counters().getOrDefault(d.scope(), 0L), () -> d + " got " + v + " below the counter");
        }
    }

    @Property(tries = 1000)
    void countersNeverDecreaseAndStayAboveEveryValue(@ForAll("cases") Case c) {
        Renumbering r = SequenceRenumberer.renumber(c.docs(), c.counters());
        c.counters().forEach((scope, counter) -> assertTrue(r.counters().get(scope) >= counter));
        for (SequencedDocument d : c.docs()) {
            long v = r.newValues().getOrDefault(d.id(), d.value());
            assertTrue(r.counters().get(d.scope()) > v, () -> "counter not above " + v + " in " + r);
        }
    }

    @Property(tries = 1000)
    void bothCollidingDocumentsAreRenumberedAndOthersKeepTheirValues(@ForAll("cases") Case c) {
        Renumbering r = SequenceRenumberer.renumber(c.docs(), c.counters());
        Map<String, Integer> holders = new HashMap<>();
        for (SequencedDocument d : c.docs()) holders.merge(d.scope() + "/" + d.value(), 1, Integer::sum);
        for (SequencedDocument d : c.docs())
            assertEquals(holders.get(d.scope() + "/" + d.value()) > 1, r.newValues().containsKey(d.id()), d::toString);
    }

    @Property(tries = 1000)
    void resultIsIndependentOfInputOrder(@ForAll("cases") Case c, @ForAll long seed) {
        List<SequencedDocument> shuffled = new ArrayList<>(c.docs());
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(SequenceRenumberer.renumber(c.docs(), c.counters()), SequenceRenumberer.renumber(shuffled, c.counters()));
    }

    @Property(tries = 1000)
    void renumberingIsIdempotent(@ForAll("cases") Case c) {
        Renumbering r = SequenceRenumberer.renumber(c.docs(), c.counters());
        List<SequencedDocument> after = c.docs().stream().map(d -> new SequencedDocument(d.id(), d.scope(),
                r.newValues().getOrDefault(d.id(), d.value()), d.orderBy())).toList();
        Renumbering again = SequenceRenumberer.renumber(after, r.counters());
        assertTrue(again.newValues().isEmpty());
        assertEquals(r.counters(), again.counters());
    }
}
