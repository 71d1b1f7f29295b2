package io.quire.merge.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.merge.JsonOrder;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicy;
import io.quire.merge.document.DocumentCodec;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A counter: both sides' changes are added, {@code base + (ours - base) + (theirs - base)}.
 *
 * <p>Merge semantics: always clean. One side unchanged takes the other. Equal sides with equal
 * clocks are one change seen twice and keep that value; equal sides with different clocks are two
 * changes that happen to give the same number (two replicas each adding 1 to 5), so their deltas
 * are summed like any others: no acknowledged increment is lost. A value
 * that is not a number (absent, JSON null, or a value of another kind, which validation should
 * have refused) counts as 0, so a missing base is 0 and a concurrent delete subtracts the base.
 * The result is an integer when all three inputs are integers, else a decimal.
 */
public final class CounterPolicy implements MergePolicy {
    public static final String NAME = "counter";
    public static final CounterPolicy INSTANCE = new CounterPolicy();

    @Override
    public MergeOutcome merge(MergeInput in) {
        JsonNode b = JsonOrder.orNull(in.base());
        if (DocumentCodec.sameValue(in.ours().value(), b)) return new MergeOutcome.Clean(in.theirs().value());
        if (DocumentCodec.sameValue(in.theirs().value(), b)) return new MergeOutcome.Clean(in.ours().value());
        if (DocumentCodec.sameValue(in.ours().value(), in.theirs().value()) && in.ours().clock().equals(in.theirs().clock()))
            return new MergeOutcome.Clean(in.ours().value());
        return sum(in);
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    private static MergeOutcome sum(MergeInput in) {
        JsonNode base = JsonOrder.orNull(in.base());
        JsonNode ours = in.ours().value();
        JsonNode theirs = in.theirs().value();
        BigDecimal sum = number(ours).add(number(theirs)).subtract(number(base));
        boolean integral = integral(base) && integral(ours) && integral(theirs);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (!integral) return new MergeOutcome.Clean(f.numberNode(sum));
        BigInteger whole = sum.toBigIntegerExact();
        return new MergeOutcome.Clean(whole.bitLength() < 64 ? f.numberNode(whole.longValue()) : f.numberNode(whole));
    }

    private static BigDecimal number(JsonNode n) {
        return n.isNumber() ? n.decimalValue() : BigDecimal.ZERO;
    }

    private static boolean integral(JsonNode n) {
        return !n.isNumber() || n.isIntegralNumber();
    }
}
