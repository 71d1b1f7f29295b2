package io.quire.merge.sequence;

import java.util.Objects;

/**
 * Where a document sits in a sequence: its scope and its value there (IMAP: mailbox and UID).
 *
 * @param scope the scope the value is unique in
 * @param value the sequence value
 */
public record SequencePlace(ScopeKey scope, long value) {
    public SequencePlace {
        Objects.requireNonNull(scope, "scope");
    }
}
