package io.quire.merge.document;

import java.util.List;
import java.util.Optional;

/** The merged document (empty when it ends deleted) and the conflicts met on the way. */
public record DocumentMergeResult(Optional<StoredDocument> merged, List<FieldConflict> conflicts) {
    public DocumentMergeResult {
        conflicts = List.copyOf(conflicts);
    }
}
