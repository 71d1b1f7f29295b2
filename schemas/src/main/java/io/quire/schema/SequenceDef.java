package io.quire.schema;

import java.util.List;
import java.util.Optional;

/**
 * Makes an integer field a sequence key: unique among the documents of its type that have equal
 * {@code scope} field values, allocated from a counter, and renumbered when a merge finds two
 * documents holding the same value (IMAP UIDs: unique within a mailbox, allocated from UIDNEXT).
 *
 * <p>On a collision every colliding document gets a fresh value at or above the counter (which
 * merges with {@code max}), in the order of {@code orderBy} fields then document id, so every
 * replica renumbers alike; the counter is then raised past the new values.
 *
 * @param scope   fields whose values partition the sequence (may be empty: one sequence per type)
 * @param counter where the next free value lives, when declared
 * @param orderBy fields that order colliding documents before renumbering (document id breaks ties)
 */
public record SequenceDef(List<String> scope, Optional<CounterRef> counter, List<String> orderBy) {
    public SequenceDef {
        scope = List.copyOf(scope);
        orderBy = List.copyOf(orderBy);
    }

    /**
     * A counter held in another document: the document of type {@code type} whose id is the value of
     * this document's field {@code idField}, and within it the integer field {@code field}.
     */
    public record CounterRef(String type, String idField, String field) {
    }
}
