package io.quire.merge.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.merge.JsonOrder;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicy;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A counter: both sides' changes are added, {@code base + (ours - base) + (theirs - base)}.
 *
 * <p>Merge semantics: always clean. Trivial cases first: equal sides keep that value (identical
 * documents on two replicas are one change seen twice, exactly as the engine's blob-id short-cut
 * treats them, so two concurrent increments that give the same number merge to that number, not
 * to their sum), and one side unchanged takes the other. Otherwise the deltas are summed. A value
 * that is not a number (absent, JSON null, or a value of another kind, which validation should
 * have refused) counts as 0, so a missing base is 0 and a concurrent delete subtracts the base.
 * The result is an integer when all three inputs are integers, else a decimal.
 */
public final class CounterPolicy implements MergePolicy {
    public static final String NAME = "counter";
    public static final CounterPolicy INSTANCE = new CounterPolicy();

    @Override
    public MergeOutcome merge(MergeInput in) {
        return Trivial.resolve(in).orElseGet(() -> {
            JsonNode base = JsonOrder.orNull(in.base());
            JsonNode ours = in.ours().value();
            JsonNode theirs = in.theirs().value();
            BigDecimal sum = number(ours).add(number(theirs)).subtract(number(base));
            boolean integral = integral(base) && integral(ours) && integral(theirs);
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (!integral) return new MergeOutcome.Clean(f.numberNode(sum));
            BigInteger whole = sum.toBigIntegerExact();
            return new MergeOutcome.Clean(whole.bitLength() < 64 ? f.numberNode(whole.longValue()) : f.numberNode(whole));
        });
    }

    private static BigDecimal number(JsonNode n) {
        return n.isNumber() ? n.decimalValue() : BigDecimal.ZERO;
    }

    private static boolean integral(JsonNode n) {
        return !n.isNumber() || n.isIntegralNumber();
    }
}
