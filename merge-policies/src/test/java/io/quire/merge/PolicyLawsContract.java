package io.quire.merge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.merge.document.DocumentMerger;
import io.quire.merge.document.MergeSides;
import io.quire.merge.document.StoredDocument;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The algebraic laws every merge policy obeys (STYLE.md §5), run against one policy over a tiny
 * value space so that sides collide often: determinism, symmetry, {@code merge(b,x,x)=x},
 * {@code merge(b,b,y)=y}, and a {@code Conflicted} outcome keeping every input, both called
 * directly and through the {@link DocumentMerger}.
 */
public interface PolicyLawsContract {
    /** The registered name of the policy under test. */
    String policyName();

    /** A tiny space of values the policy is meant for (and some it is not). */
    Arbitrary<JsonNode> values();

    default MergePolicy policy() {
        return new MergePolicies().get(policyName()).orElseThrow();
    }

    @Provide
    default Arbitrary<MergeInput> inputs() {
        Arbitrary<Optional<JsonNode>> base = values().optional(0.8).map(o -> o.filter(v -> !v.isNull()));
        return Combinators.combine(base, sides(), sides()).as((b, o, t) -> new MergeInput(b, o, t, "f", null));
    }

    private Arbitrary<Side> sides() {
        Arbitrary<Hlc> clocks = Combinators.combine(Arbitraries.longs().between(0, 2), Arbitraries.of("a", "b"))
                .as((wall, replica) -> new Hlc(wall, 0, replica));
        return Combinators.combine(values(), clocks).as(Side::of);
    }

    @Property(tries = 1000)
    default void isDeterministic(@ForAll("inputs") MergeInput in) {
        assertSame(policy().merge(in).value(), policy().merge(in).value());
    }

    @Property(tries = 1000)
    default void isSymmetric(@ForAll("inputs") MergeInput in) {
        assertSame(policy().merge(in).value(), policy().merge(in.swapped()).value());
    }

    @Property(tries = 1000)
    default void sameValueOnBothSidesIsKept(@ForAll("inputs") MergeInput in) {
        // For a non-idempotent policy (counter) equal values are one change only when the clocks agree too.
        MergeInput same = new MergeInput(in.base(), in.ours(),
                Side.of(in.ours().value(), policy().idempotent() ? in.theirs().clock() : in.ours().clock()), "f", null);
        MergeOutcome out = policy().merge(same);
        assertInstanceOf(MergeOutcome.Clean.class, out);
        assertSame(in.ours().value(), out.value());
    }

    @Property(tries = 1000)
    default void oneSidedChangeIsTaken(@ForAll("inputs") MergeInput in) {
        MergeInput oneSided = new MergeInput(in.base(), Side.of(JsonOrder.orNull(in.base()), in.ours().clock()), in.theirs(), "f", null);
        MergeOutcome out = policy().merge(oneSided);
        assertInstanceOf(MergeOutcome.Clean.class, out);
        assertSame(in.theirs().value(), out.value());
    }

    @Property(tries = 1000)
    default void conflictedOutcomeKeepsAllInputs(@ForAll("inputs") MergeInput in) {
        if (!(policy().merge(in) instanceof MergeOutcome.Conflicted c)) return;
        for (JsonNode side : new JsonNode[] {in.ours().value(), in.theirs().value()}) {
            boolean kept = DocumentCodec.sameValue(side, c.winner())
                    || c.losers().stream().anyMatch(l -> DocumentCodec.sameValue(side, l));
            assertTrue(kept, Json.text(side) + " kept in " + c);
        }
    }

    @Property(tries = 1000)
    default void documentMergeObeysTheLawsToo(@ForAll("inputs") MergeInput in) {
        DocumentMerger merger = new DocumentMerger(new MergePolicies(), ScriptRunner.none());
        OneField schema = new OneField(policyName());
        Optional<StoredDocument> b = Optional.of(schema.doc(JsonOrder.orNull(in.base()), Hlc.ZERO));
        Optional<StoredDocument> o = Optional.of(schema.doc(in.ours().value(), in.ours().clock()));
        Optional<StoredDocument> t = Optional.of(schema.doc(in.theirs().value(), in.theirs().clock()));
        var sides = MergeSides.unknown();
        byte[] merged = schema.bytes(merger.merge(schema.schema(), schema.type(), b, o, t, sides).merged());
        assertArrayEquals(merged, schema.bytes(merger.merge(schema.schema(), schema.type(), b, o, t, sides).merged()));
        assertArrayEquals(merged, schema.bytes(merger.merge(schema.schema(), schema.type(), b, t, o, sides).merged()));
        assertArrayEquals(schema.bytes(o), schema.bytes(merger.merge(schema.schema(), schema.type(), b, o, o, sides).merged()));
        assertArrayEquals(schema.bytes(t), schema.bytes(merger.merge(schema.schema(), schema.type(), b, b, t, sides).merged()));
    }

    private static void assertSame(JsonNode expected, JsonNode actual) {
        assertEquals(Json.text(expected), Json.text(actual));
    }
}
