package io.quire.merge.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.JsonOrder;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.document.DocumentCodec;
import java.util.Optional;

/**
 * The three-way cases every policy resolves alike: both sides equal, or one side unchanged.
 *
 * <p>The document merger short-cuts these before calling a policy; the built-ins check them again
 * so that each policy obeys {@code merge(b,x,x)=x} and {@code merge(b,b,y)=y} on its own, which is
 * what the {@link io.quire.merge.MergePolicy} contract promises to callers other than the merger.
 */
final class Trivial {
    private Trivial() {
    }

    static Optional<MergeOutcome> resolve(MergeInput in) {
        JsonNode ours = in.ours().value();
        JsonNode theirs = in.theirs().value();
        if (DocumentCodec.sameValue(ours, theirs)) return Optional.of(new MergeOutcome.Clean(ours));
        JsonNode base = JsonOrder.orNull(in.base());
        if (DocumentCodec.sameValue(ours, base)) return Optional.of(new MergeOutcome.Clean(theirs));
        if (DocumentCodec.sameValue(theirs, base)) return Optional.of(new MergeOutcome.Clean(ours));
        return Optional.empty();
    }
}
