package io.quire.sdk;

import java.util.Optional;

/** One document that differs between two commits: its new revision, or empty when it was deleted. */
public record Change(DocumentId id, Optional<Revision> rev, Optional<Revision> previous) {
    public boolean deleted() {
        return rev.isEmpty();
    }
}
