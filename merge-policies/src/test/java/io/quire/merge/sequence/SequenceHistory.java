package io.quire.merge.sequence;

import io.quire.merge.Json;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A model of two replicas handing out sequence values (UIDs) from a common base, and of what the
 * tree merge then gives the renumbering step. Each replica records every place it ever handed out
 * and to which document, which is what a client of that replica may remember.
 *
 * <pre>
 *   empty ── base ops ── base ──┬── shared ops ──┬── left ops  ── left
 *                               │                └── right ops ── right
 *                               └── (the merge base: "shared" models history both sides hold
 *                                    beyond it, as after a pruned horizon with a checkpoint base)
 * </pre>
 */
final class SequenceHistory {
    static final List<ScopeKey> SCOPES = List.of(ScopeKey.of(Json.json("\"INBOX\"")), ScopeKey.of(Json.json("\"Sent\"")));

    /** One step on a replica: deliver a new document, move one to a scope, or delete one. */
    record Op(int kind, int scope, int pick) {
    }

    /** One replica's state: where each document is, the counters, and every place it ever handed out. */
    static final class Replica {
        final Map<String, SequencePlace> places = new TreeMap<>();
        final Map<ScopeKey, Long> counters = new TreeMap<>();
        final Map<SequencePlace, String> issued = new HashMap<>();
        private final String prefix;
        private int serial;

        Replica(String prefix) {
            this.prefix = prefix;
            for (ScopeKey s : SCOPES) counters.put(s, 1L);
        }

        Replica fork(String prefix) {
            Replica r = new Replica(prefix);
            r.places.putAll(places);
            r.counters.putAll(counters);
            r.issued.putAll(issued);
            return r;
        }

        void apply(List<Op> ops) {
            for (Op op : ops) {
                ScopeKey scope = SCOPES.get(Math.floorMod(op.scope(), SCOPES.size()));
                List<String> ids = List.copyOf(places.keySet());
                String picked = ids.isEmpty() ? null : ids.get(Math.floorMod(op.pick(), ids.size()));
                switch (Math.floorMod(op.kind(), 4)) {
                    case 0, 1 -> allocate(prefix + serial++, scope);
                    case 2 -> {
                        if (picked != null) allocate(picked, scope);
                    }
                    default -> {
                        if (picked != null) places.remove(picked);
                    }
                }
            }
        }

        private void allocate(String id, ScopeKey scope) {
            long v = counters.get(scope);
            counters.put(scope, v + 1);
            SequencePlace p = new SequencePlace(scope, v);
            places.put(id, p);
            issued.put(p, id);
        }
    }

    final Replica base, left, right;
    final Map<String, SequencePlace> merged = new TreeMap<>();
    final Set<String> changed = new TreeSet<>();

    /**
     * @param lww for documents whose place both sides changed differently: take the left one's
     *            when true (the merge's last-writer-wins tie-break, whichever it is)
     */
    SequenceHistory(List<Op> baseOps, List<Op> sharedOps, List<Op> leftOps, List<Op> rightOps, boolean lww) {
        base = new Replica("b");
        base.apply(baseOps);
        Replica shared = base.fork("s");
        shared.apply(sharedOps);
        left = shared.fork("l");
        left.apply(leftOps);
        right = shared.fork("r");
        right.apply(rightOps);
        Set<String> ids = new HashSet<>(left.places.keySet());
        ids.addAll(right.places.keySet());
        for (String id : ids) {
            SequencePlace b = base.places.get(id), l = left.places.get(id), r = right.places.get(id);
            SequencePlace m;
            if (l == null) m = b != null ? null : r;            // delete-wins against the base
            else if (r == null) m = b != null ? null : l;
            else if (l.equals(r) || r.equals(b)) m = l;
            else if (l.equals(b)) m = r;
            else m = lww ? l : r;
            if (m == null) continue;
            merged.put(id, m);
            if (!m.equals(b) || !l.equals(b) || !r.equals(b)) changed.add(id);
        }
    }

    static List<com.fasterxml.jackson.databind.JsonNode> order(String id) {
        return List.of(Json.json(Integer.toString(Math.floorMod(id.hashCode(), 3))));
    }

    /** What the tree merge passes to the renumbering step: the changed documents only. */
    RenumberingInput input() {
        List<SequencedDocument> docs = changed.stream()
                .map(id -> new SequencedDocument(id, merged.get(id).scope(), merged.get(id).value(), order(id))).toList();
        Map<String, SequencePlace> l = new HashMap<>(), r = new HashMap<>();
        for (String id : changed) {
            if (left.places.containsKey(id)) l.put(id, left.places.get(id));
            if (right.places.containsKey(id)) r.put(id, right.places.get(id));
        }
        TreeMap<ScopeKey, ScopeCounters> counters = new TreeMap<>();
        for (ScopeKey s : SCOPES) {
            long lc = left.counters.get(s), rc = right.counters.get(s);
            counters.put(s, new ScopeCounters(base.counters.get(s), lc, rc, Math.max(lc, rc)));
        }
        return new RenumberingInput(docs, l, r, counters);
    }

    /** Every merged document's place once {@code r} is applied. */
    Map<String, SequencePlace> after(Renumbering r) {
        Map<String, SequencePlace> out = new TreeMap<>(merged);
        r.newValues().forEach((id, v) -> out.put(id, new SequencePlace(out.get(id).scope(), v)));
        return out;
    }

    @Override
    public String toString() {
        return "base " + base.places + " " + base.counters + "\n left " + left.places + " " + left.counters
                + "\n right " + right.places + " " + right.counters + "\n merged " + merged;
    }
}
