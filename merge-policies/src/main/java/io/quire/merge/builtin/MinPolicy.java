package io.quire.merge.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.JsonOrder;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicy;

/**
 * The lesser of the two values: for "first seen" values such as a creation date.
 *
 * <p>Merge semantics: always clean. Trivial cases first (equal sides, or one side unchanged, take
 * the other). Otherwise the lesser value in {@link JsonOrder}: numbers numerically, strings
 * lexicographically (by UTF-16 code units); values of different kinds order by kind. Absence
 * (JSON null) is ignored rather than taken as the minimum: a delete concurrent with a change loses,
 * mirroring {@link MaxPolicy}, so a value is never lost to a concurrent delete.
 */
public final class MinPolicy implements MergePolicy {
    public static final String NAME = "min";
    public static final MinPolicy INSTANCE = new MinPolicy();

    @Override
    public MergeOutcome merge(MergeInput in) {
        return Trivial.resolve(in).orElseGet(() -> {
            JsonNode ours = in.ours().value();
            JsonNode theirs = in.theirs().value();
            if (JsonOrder.isAbsent(ours)) return new MergeOutcome.Clean(theirs);
            if (JsonOrder.isAbsent(theirs)) return new MergeOutcome.Clean(ours);
            return new MergeOutcome.Clean(JsonOrder.min(ours, theirs));
        });
    }
}
