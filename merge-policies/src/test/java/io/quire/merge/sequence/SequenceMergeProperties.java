package io.quire.merge.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.merge.sequence.SequenceHistory.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The UID rule over modelled merges ({@link SequenceHistory}): two replicas hand out values from a
 * common base, deliver, move and delete, and the merge is renumbered. Two scopes and short
 * histories, so values handed out on both sides meet.
 */
class SequenceMergeProperties {
    @Provide
    Arbitrary<SequenceHistory> histories() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 7)).as(Op::new);
        Arbitrary<List<Op>> ops = op.list().ofMaxSize(5);
        Arbitrary<List<Op>> fewOps = op.list().ofMaxSize(2);
        return Combinators.combine(ops, fewOps, ops, ops, Arbitraries.of(true, false)).as(SequenceHistory::new);
    }

    @Property(tries = 1000)
    void noValueEverNamesAnotherDocumentOnEitherSide(@ForAll("histories") SequenceHistory h) {
        Renumbering r = SequenceRenumberer.renumber(h.input());
        Statistics.label("renumbered").collect(Math.min(r.newValues().size(), 3));
        h.after(r).forEach((id, p) -> {
            for (SequenceHistory.Replica side : List.of(h.left, h.right)) {
                String had = side.issued.get(p);
                assertTrue(had == null || had.equals(id), () -> p + " named " + had + " on a side and now names " + id + "\n" + h + "\n" + r);
            }
        });
    }

    @Property(tries = 1000)
    void noPlaceHoldsTwoDocuments(@ForAll("histories") SequenceHistory h) {
        Renumbering r = SequenceRenumberer.renumber(h.input());
        Map<SequencePlace, String> holder = new HashMap<>();
        h.after(r).forEach((id, p) -> {
            String other = holder.put(p, id);
            assertTrue(other == null, () -> p + " holds " + other + " and " + id + "\n" + h + "\n" + r);
        });
    }

    @Property(tries = 1000)
    void freshValuesAreAboveBothSidesCounters(@ForAll("histories") SequenceHistory h) {
        Renumbering r = SequenceRenumberer.renumber(h.input());
        r.newValues().forEach((id, v) -> {
            ScopeKey s = h.merged.get(id).scope();
            assertTrue(v >= Math.max(h.left.counters.get(s), h.right.counters.get(s)), () -> id + " got " + v + "\n" + h);
        });
    }

    @Property(tries = 1000)
    void countersNeverGoDownAndStayAboveEveryValue(@ForAll("histories") SequenceHistory h) {
        Renumbering r = SequenceRenumberer.renumber(h.input());
        for (ScopeKey s : SequenceHistory.SCOPES)
            assertTrue(r.counters().get(s) >= Math.max(h.left.counters.get(s), h.right.counters.get(s)), () -> r + "\n" + h);
        h.after(r).values().forEach(p -> assertTrue(r.counters().get(p.scope()) > p.value(), () -> p + " " + r));
    }

    @Property(tries = 1000)
    void theSidesAreNotToldApart(@ForAll("histories") SequenceHistory h) {
        RenumberingInput in = h.input();
        assertEquals(SequenceRenumberer.renumber(in), SequenceRenumberer.renumber(in.swapped()));
    }

    @Property(tries = 1000)
    void theResultDependsOnlyOnTheInputs(@ForAll("histories") SequenceHistory h, @ForAll long seed) {
        RenumberingInput in = h.input();
        List<SequencedDocument> shuffled = new ArrayList<>(in.merged());
        Collections.shuffle(shuffled, new Random(seed));
        RenumberingInput reordered = new RenumberingInput(shuffled, in.left(), in.right(), in.counters());
        assertEquals(SequenceRenumberer.renumber(in), SequenceRenumberer.renumber(reordered));
        assertEquals(SequenceRenumberer.renumber(in), SequenceRenumberer.renumber(h.input()));
    }

    @Property(tries = 1000)
    void aPlaceBothSidesAgreeOnIsKept(@ForAll("histories") SequenceHistory h) {
        Renumbering r = SequenceRenumberer.renumber(h.input());
        h.merged.forEach((id, p) -> {
            if (p.equals(h.left.places.get(id)) && p.equals(h.right.places.get(id)))
                assertTrue(!r.newValues().containsKey(id), () -> id + " at " + p + " on both sides was renumbered\n" + h + "\n" + r);
        });
    }

    @Property(tries = 1000)
    void aPlaceOnlyOneSideCouldHaveHandedOutIsKept(@ForAll("histories") SequenceHistory h) {
        Renumbering r = SequenceRenumberer.renumber(h.input());
        h.merged.forEach((id, p) -> {
            long lower = Math.min(h.left.counters.get(p.scope()), h.right.counters.get(p.scope()));
            if (p.value() >= lower) assertTrue(!r.newValues().containsKey(id), () -> id + " at " + p + " was renumbered\n" + h + "\n" + r);
        });
    }
}
