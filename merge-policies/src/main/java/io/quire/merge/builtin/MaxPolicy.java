package io.quire.merge.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.JsonOrder;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicy;

/**
 * The greater of the two values: for high-water marks such as UIDNEXT and HIGHESTMODSEQ.
 *
 * <p>Merge semantics: always clean. Trivial cases first (equal sides, or one side unchanged, take
 * the other). Otherwise the greater value in {@link JsonOrder}: numbers numerically, strings
 * lexicographically (by UTF-16 code units); values of different kinds order by kind. Absence
 * (JSON null) is below every value, so a delete concurrent with a change loses: a high-water mark
 * never goes away because one side dropped it. Note that a one-sided decrease is still taken
 * (the other side unchanged), as for every policy.
 */
public final class MaxPolicy implements MergePolicy {
    public static final String NAME = "max";
    public static final MaxPolicy INSTANCE = new MaxPolicy();

    @Override
    public MergeOutcome merge(MergeInput in) {
        return Trivial.resolve(in).orElseGet(() -> {
            JsonNode max = JsonOrder.max(in.ours().value(), in.theirs().value());
            return new MergeOutcome.Clean(max);
        });
    }
}
