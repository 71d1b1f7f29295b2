package io.quire.merge.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.merge.Hlc;
import io.quire.merge.JsonOrder;
import io.quire.merge.MergeInput;
import io.quire.merge.MergeOutcome;
import io.quire.merge.MergePolicies;
import io.quire.merge.MergePolicy;
import io.quire.merge.ScriptRunner;
import io.quire.merge.Side;
import io.quire.merge.builtin.LastWriterWinsPolicy;
import io.quire.merge.js.ScriptPolicy;
import io.quire.schema.PolicyRef;
import io.quire.schema.Schema;
import java.util.Optional;

/** Merges one {@link MergeUnit} of a document: trivial cases, then its policy, with a safe fallback. */
final class UnitMerger {
    private final MergePolicies policies;
    private final ScriptRunner scripts;

    UnitMerger(MergePolicies policies, ScriptRunner scripts) {
        this.policies = policies;
        this.scripts = scripts;
    }

    /** A unit's merged value, the clock it carries on, and the conflict record when a policy had to choose. */
    record Result(JsonNode value, Hlc clock, Optional<FieldConflict> conflict) {
    }

    Result merge(Schema schema, MergeUnit unit, Optional<StoredDocument> base, StoredDocument ours,
                 StoredDocument theirs, MergeSides sides) {
        JsonNode b = unit.valueIn(base);
        Side o = new Side(unit.valueIn(Optional.of(ours)), ours.clockOf(unit.name()), sides.oursCommit());
        Side t = new Side(unit.valueIn(Optional.of(theirs)), theirs.clockOf(unit.name()), sides.theirsCommit());
        boolean oursIsBase = DocumentCodec.sameValue(o.value(), b), theirsIsBase = DocumentCodec.sameValue(t.value(), b);
        // Checked in an order that gives the same answer (value and clock) whichever side is "ours".
        if (oursIsBase && theirsIsBase) return new Result(o.value(), Hlc.max(o.clock(), t.clock()), Optional.empty());
        if (DocumentCodec.sameValue(o.value(), t.value()) && (idempotent(unit) || o.clock().equals(t.clock())))
            return new Result(o.value(), Hlc.max(o.clock(), t.clock()), Optional.empty());
        if (oursIsBase) return new Result(t.value(), t.clock(), Optional.empty());
        if (theirsIsBase) return new Result(o.value(), o.clock(), Optional.empty());

        Optional<JsonNode> ancestor = JsonOrder.isAbsent(b) ? Optional.empty() : Optional.of(b);
        // Symmetry whatever the policy does: it sees the sides in an order fixed by their contents
        // (clock, then canonical value text), never by which replica runs the merge. So even a
        // policy or script that favours its first argument gives every replica the same answer.
        boolean oursFirst = compare(o, t) <= 0;
        MergeInput in = new MergeInput(ancestor, oursFirst ? o : t, oursFirst ? t : o, unit.name(), unit.field());
        MergeOutcome outcome = run(schema, unit, in);
        // Both sides changed: the merged value is newer knowledge than either, so it carries the
        // later clock (for lww this is the winner's own clock).
        Hlc clock = Hlc.max(o.clock(), t.clock());
        return switch (outcome) {
            case MergeOutcome.Clean(var value) -> new Result(value, clock, Optional.empty());
            case MergeOutcome.Conflicted(var winner, var losers, var reason) -> new Result(winner, clock,
                    Optional.of(new FieldConflict(unit.name(), ancestor, o.value(), t.value(), winner, reason)));
        };
    }

    private MergeOutcome run(Schema schema, MergeUnit unit, MergeInput in) {
        MergePolicy policy = switch (unit.policy()) {
            case PolicyRef.Named(var name) -> policies.get(name).orElse(null);
            case PolicyRef.Script(var name) -> new ScriptPolicy(scripts, name, schema.scripts().get(name));
        };
        if (policy == null) return fallback(in, "merge policy '" + unit.policyName() + "' is not registered");
        MergeOutcome outcome;
        try {
            outcome = policy.merge(in);
        } catch (RuntimeException | StackOverflowError e) {
            // A policy bug must not stop replication: the field falls back, and the record says why.
            return fallback(in, "merge policy '" + unit.policyName() + "' failed: " + e);
        }
        if (outcome == null || !unit.accepts(outcome.value()))
            return fallback(in, "merge policy '" + unit.policyName() + "' returned "
                    + (outcome == null ? "nothing" : "a value this " + (unit.group() ? "group" : "field") + " cannot hold"));
        return outcome;
    }

    /** Whether equal values on both sides are one change (see {@link MergePolicy#idempotent()}). */
    private boolean idempotent(MergeUnit unit) {
        return !(unit.policy() instanceof PolicyRef.Named(var name)) || policies.get(name).map(MergePolicy::idempotent).orElse(true);
    }

    private static MergeOutcome fallback(MergeInput in, String why) {
        MergeOutcome lww = LastWriterWinsPolicy.INSTANCE.merge(in);
        return new MergeOutcome.Conflicted(lww.value(), java.util.List.of(in.ours().value(), in.theirs().value()),
                why + "; last writer wins");
    }

    private static int compare(Side a, Side b) {
        int byClock = a.clock().compareTo(b.clock());
        return byClock != 0 ? byClock
                : DocumentCodec.canonicalString(a.value()).compareTo(DocumentCodec.canonicalString(b.value()));
    }
}
