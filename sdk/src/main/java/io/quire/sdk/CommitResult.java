package io.quire.sdk;

import java.util.List;
import java.util.Optional;

/**
 * A durable, acknowledged write: the commit that holds it and each written document's new
 * revision (empty for deletes), in the transaction's order.
 */
public record CommitResult(String commit, List<Written> written) {
    public CommitResult {
        written = List.copyOf(written);
    }

    public record Written(DocumentId id, Optional<Revision> rev) {
    }
}
