package io.quire.merge.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicy;
import io.quire.merge.Side;
import io.quire.merge.document.DocumentCodec;
import java.util.List;

/**
 * Last-writer-wins: the side whose last write to the field has the later hybrid logical clock.
 *
 * <p>Merge semantics: if both sides hold the same value it is kept; if one side left the base
 * value unchanged, the other side's value is taken (clean). Otherwise the side with the greater
 * {@link Side#clock()} wins; the clock already orders equal times by replica id, so two different
 * writes never tie unless both carry the very same reading (or none, {@code Hlc.ZERO}), in which
 * case the greater canonical value text wins so the choice does not depend on which side is
 * "ours". The result is {@code Conflicted} with the losing value kept. Absence is a value like any
 * other: a delete (JSON null) with a later clock beats an edit, and an edit with a later clock
 * beats a delete.
 */
public final class LastWriterWinsPolicy implements MergePolicy {
    public static final String NAME = "lww";
    public static final LastWriterWinsPolicy INSTANCE = new LastWriterWinsPolicy();

    @Override
    public MergeOutcome merge(MergeInput in) {
        return Trivial.resolve(in).orElseGet(() -> pick(in));
    }

    private static MergeOutcome pick(MergeInput in) {
        Side ours = in.ours();
        Side theirs = in.theirs();
        int byClock = ours.clock().compareTo(theirs.clock());
        boolean oursWins = byClock != 0 ? byClock > 0 : canonical(ours.value()).compareTo(canonical(theirs.value())) > 0;
        Side winner = oursWins ? ours : theirs;
        Side loser = oursWins ? theirs : ours;
        String why = byClock != 0
                ? "both sides changed the value; the later clock (" + winner.clock() + ") wins over " + loser.clock()
                : "both sides changed the value with equal clocks (" + winner.clock() + "); the greater value text wins";
        return new MergeOutcome.Conflicted(winner.value(), List.of(loser.value()), why);
    }

    private static String canonical(JsonNode n) {
        return DocumentCodec.canonicalString(n);
    }
}
