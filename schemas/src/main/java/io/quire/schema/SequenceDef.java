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
 * <p>Mode {@link Mode#STAMP} is for change counters (IMAP MODSEQ): after a merge, every document
 * the merge changed as seen from either side gets a fresh value above the counter, so clients of
 * either replica that remember the counter see the change (RFC 7162).
 *
 * @param scope   fields whose values partition the sequence (may be empty: one sequence per type)
 * @param counter where the next free value lives, when declared
 * @param orderBy fields that order colliding documents before renumbering (document id breaks ties)
 * @param mode    {@code unique} (renumber collisions) or {@code stamp} (re-stamp merged changes)
 */
public record SequenceDef(List<String> scope, Optional<CounterRef> counter, List<String> orderBy, Mode mode) {
    public SequenceDef {
        scope = List.copyOf(scope);
        orderBy = List.copyOf(orderBy);
        if (mode == null) mode = Mode.UNIQUE;
    }

    /** A unique sequence (the default). */
    public SequenceDef(List<String> scope, Optional<CounterRef> counter, List<String> orderBy) {
        this(scope, counter, orderBy, Mode.UNIQUE);
    }

    /** What a merge does with the field. */
    public enum Mode {
        /** Values are unique in their scope; colliding documents are renumbered. */
        UNIQUE,
        /** Values mark changes; every document a merge changes gets a fresh, higher value. */
        STAMP;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A counter held in another document: the document of type {@code type} whose id is the value of
     * this document's field {@code idField}, and within it the integer field {@code field}.
     */
    public record CounterRef(String type, String idField, String field) {
    }
}
