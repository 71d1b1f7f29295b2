package io.quire.mail.store;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * The mail rules over random concurrent histories on 2–5 replicas (see {@link MailHistory} for the
 * rules checked after every step). Tiny key spaces (four mailbox names, three flags, two to five
 * replicas) make operations collide: UIDs allocated on two sides, moves racing moves and deletes.
 */
class MailReplicationProperties {
    static {
        // These replicas never crash the OS; a crash here would be a close, and the page cache survives it.
        System.setProperty("quire.store.fsync", "false");
    }

    @Property(tries = 500)
    void mailRulesHoldOverRandomConcurrentHistories(@ForAll("histories") List<MailOp> ops, @ForAll @IntRange(min = 2, max = 5) int replicas) {
        try (MailHistory h = new MailHistory(replicas)) {
            h.run(ops);
            Statistics.label("renumbered by a merge").collect(h.seen[0] > 0);
            Statistics.label("held back as a reused UID").collect(h.seen[1] > 0);
            Statistics.label("recovered").collect(h.seen[2] > 0);
            Statistics.label("messages at the end").collect(Math.min(h.seen[3], 10));
            Statistics.label("prunes that cut history").collect(Math.min(h.seen[4], 3));
        }
    }

    /** The same rules on longer histories of 2-3 replicas that sync often and prune (rare in the histories above). */
    @Property(tries = 500)
    void mailRulesHoldWhenReplicasPrune(@ForAll("pruningHistories") List<MailOp> ops, @ForAll @IntRange(min = 2, max = 3) int replicas) {
        try (MailHistory h = new MailHistory(replicas)) {
            h.run(ops);
            Statistics.label("prunes that cut history").collect(Math.min(h.seen[4], 3));
            Statistics.label("renumbered by a merge").collect(h.seen[0] > 0);
        }
    }

    @Provide
    Arbitrary<List<MailOp>> histories() {
        return histories(8, 2, 32);
    }

    @Provide
    Arbitrary<List<MailOp>> pruningHistories() {
        return histories(14, 5, 60);
    }

    /** Histories with the given weights of syncs and prunes among the other steps, at most {@code maxSize} steps. */
    static Arbitrary<List<MailOp>> histories(int syncWeight, int pruneWeight, int maxSize) {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 7);
        Arbitrary<MailOp> deliver = Combinators.combine(n, n, n).as(MailOp.Deliver::new);
        Arbitrary<MailOp> flag = Combinators.combine(n, n, any, n, Arbitraries.of(true, false)).as(MailOp.Flag::new);
        Arbitrary<MailOp> expunge = Combinators.combine(n, n, any).as(MailOp.Expunge::new);
        Arbitrary<MailOp> move = Combinators.combine(n, n, any, n).as(MailOp.Move::new);
        Arbitrary<MailOp> copy = Combinators.combine(n, n, any, n).as(MailOp.Copy::new);
        Arbitrary<MailOp> create = Combinators.combine(n, n).as(MailOp.Create::new);
        Arbitrary<MailOp> delete = Combinators.combine(n, n).as(MailOp.Delete::new);
        Arbitrary<MailOp> rename = Combinators.combine(n, n, n).as(MailOp.Rename::new);
        Arbitrary<MailOp> sync = Combinators.combine(n, n).as(MailOp.Sync::new);
        Arbitrary<MailOp> prune = n.map(MailOp.Prune::new);
        Arbitrary<MailOp> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, deliver), net.jqwik.api.Tuple.of(3, flag), net.jqwik.api.Tuple.of(2, expunge),
                net.jqwik.api.Tuple.of(3, move), net.jqwik.api.Tuple.of(1, copy), net.jqwik.api.Tuple.of(3, create),
                net.jqwik.api.Tuple.of(1, delete), net.jqwik.api.Tuple.of(1, rename), net.jqwik.api.Tuple.of(syncWeight, sync),
                net.jqwik.api.Tuple.of(pruneWeight, prune));
        return op.list().ofMinSize(1).ofMaxSize(maxSize);
    }
}
