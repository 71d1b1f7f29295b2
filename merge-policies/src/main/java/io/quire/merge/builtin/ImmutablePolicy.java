package io.quire.merge.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.JsonOrder;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicy;
import io.quire.merge.document.DocumentCodec;
import java.util.List;
import java.util.Optional;

/**
 * A value that must never change once written (a message body's blob id).
 *
 * <p>Merge semantics: the trivial cases resolve as for every policy (equal sides keep the value;
 * one side unchanged takes the other: refusing a one-sided change is the write path's job, the
 * merge only judges concurrent ones). Two sides holding different values mean a bug or an
 * attack, so the result is always {@code Conflicted} with both values kept: the winner is the base
 * value when the ancestor had one (nothing may change it), else the value with the smaller
 * canonical text, which every replica computes alike. Absence (JSON null) is a value: when the
 * base had a value and one side deleted it, the base value is restored.
 */
public final class ImmutablePolicy implements MergePolicy {
    public static final String NAME = "immutable";
    public static final ImmutablePolicy INSTANCE = new ImmutablePolicy();

    @Override
    public MergeOutcome merge(MergeInput in) {
        return Trivial.resolve(in).orElseGet(() -> {
            JsonNode ours = in.ours().value();
            JsonNode theirs = in.theirs().value();
            Optional<JsonNode> base = in.base().filter(b -> !JsonOrder.isAbsent(b));
            if (base.isPresent()) {
                return new MergeOutcome.Conflicted(base.get(), List.of(ours, theirs),
                        "immutable value changed on both sides (a bug or an attack); the ancestor's value is kept");
            }
            boolean oursFirst = DocumentCodec.canonicalString(ours).compareTo(DocumentCodec.canonicalString(theirs)) < 0;
            JsonNode winner = oursFirst ? ours : theirs;
            JsonNode loser = oursFirst ? theirs : ours;
            return new MergeOutcome.Conflicted(winner, List.of(loser),
                    "immutable value written differently on both sides (a bug or an attack); the smaller value text is kept");
        });
    }
}
