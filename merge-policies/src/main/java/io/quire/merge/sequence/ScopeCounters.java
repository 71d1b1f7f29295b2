package io.quire.merge.sequence;

/**
 * One scope's counter (IMAP UIDNEXT) at the merge base, on each side, and in the merged result.
 * Every value a side handed out since the base lies in {@code [base, side)}; so
 * {@code [base, min(left, right))} holds the values <em>both</em> sides may have handed out, each to
 * a document of its own.
 *
 * <p>How a caller fills in what it does not know: a scope absent from the base counts from
 * {@link Long#MIN_VALUE}; a side that never had the scope since the base holds the base value (it
 * handed nothing out); a side that deleted the counter's holder may have handed out anything, and
 * holds {@code merged} (the range then reaches the other side's counter).
 *
 * @param base   the counter at the merge base
 * @param left   the counter on the left side
 * @param right  the counter on the right side
 * @param merged the counter in the merged result (merged with max, but not trusted to be)
 */
public record ScopeCounters(long base, long left, long right, long merged) {
    /** Counters of a scope whose history is unknown: no value counts as handed out on both sides. */
    public static ScopeCounters mergedOnly(long merged) {
        return new ScopeCounters(merged, merged, merged, merged);
    }

    /** Whether both sides may have handed out {@code value} since the base. */
    public boolean bothMayHaveIssued(long value) {
        return value >= base && value < Math.min(left, right);
    }

    /** The lowest value neither side, nor the merged result, has handed out. */
    public long fresh() {
        return Math.max(merged, Math.max(left, right));
    }

    /** The same counters seen from the other side (what the merge looks like with the sides swapped). */
    public ScopeCounters swapped() {
        return new ScopeCounters(base, right, left, merged);
    }
}
