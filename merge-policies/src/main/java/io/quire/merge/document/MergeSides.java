package io.quire.merge.document;

import java.util.Objects;

/**
 * Where the two sides of a document merge come from: the commit ids of ours and theirs.
 *
 * <p>They travel into each {@link io.quire.merge.Side} so a policy (and a conflict record built
 * from a {@link FieldConflict}) can say which commit a value came from.
 */
public record MergeSides(String oursCommit, String theirsCommit) {
    public MergeSides {
        Objects.requireNonNull(oursCommit, "oursCommit");
        Objects.requireNonNull(theirsCommit, "theirsCommit");
    }

    /** Sides with unknown commits (tests, and merges of values not read from commits). */
    public static MergeSides unknown() {
        return new MergeSides("", "");
    }

    /** The same sides, swapped. */
    public MergeSides swapped() {
        return new MergeSides(theirsCommit, oursCommit);
    }
}
