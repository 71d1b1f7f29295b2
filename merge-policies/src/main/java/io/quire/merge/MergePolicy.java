package io.quire.merge;

/**
 * A merge policy for one field (or field group): pure, deterministic and symmetric.
 *
 * <p>Implementations must satisfy, for all inputs: {@code merge(in).value()} equals
 * {@code merge(in.swapped()).value()}; if ours equals theirs the result is that value; if one side
 * equals the base the result is the other side. The engine short-cuts those trivial cases before
 * calling a policy, so a policy only sees fields changed differently on both sides. No clock, no
 * I/O, no randomness: everything comes in through {@link MergeInput}.
 *
 * <p>This is also the SPI for policies written in Java: register an instance in
 * {@link MergePolicies} under a name and reference it from a schema as {@code merge: name}.
 */
@FunctionalInterface
public interface MergePolicy {
    MergeOutcome merge(MergeInput in);

    /**
     * Whether two sides holding the same value are one change seen twice. True for every policy
     * whose merge of equal values is that value (lww, max, min, set, text, immutable). False for a
     * counter: two replicas that each added 1 to 5 both hold 6, yet the merge is 7. For such a
     * policy the engine treats equal sides as one change only when their clocks are equal too.
     */
    default boolean idempotent() {
        return true;
    }
}
