package io.quire.server.http;

/** Merges a named branch of a database into its main branch; the store's own three-way merge. */
@FunctionalInterface
public interface BranchMerger {
    /** Merges {@code branch} and returns the new head commit. Blocking. */
    String mergeBranch(String branch);
}
