package io.quire.schema;

import java.util.List;
import java.util.Optional;

/**
 * Makes an integer field a sequence key: unique among the documents of its type that have equal
 * {@code scope} field values, allocated from a counter, and renumbered by merges (IMAP UIDs:
 * unique within a mailbox, allocated from UIDNEXT).
 *
 * <p>Mode {@link Mode#UNIQUE}: a merge gives a document a fresh value when another document holds
 * its value, or when its value is one both sides may have handed out since the base and the two
 * sides did not both hold that document there (docs/adr/0007). Fresh values come from above both
 * sides' counters, in the order of {@code orderBy} fields then document id, so every replica
 * renumbers alike; the counter is then raised past them.
 *
 * <p>Mode {@link Mode#STAMP} is for change counters (IMAP MODSEQ): after a merge, every document
 * the merge changed as seen from either side gets a fresh value above the counter, so clients of
 * either replica that remember the counter see the change (RFC 7162).
 *
 * @param scope   fields whose values partition the sequence (may be empty: one sequence per type)
 * @param counter where the next free value lives, when declared
 * @param orderBy fields that order renumbered documents (document id breaks ties)
 * @param mode    {@code unique} (renumber reused values) or {@code stamp} (re-stamp merged changes)
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
